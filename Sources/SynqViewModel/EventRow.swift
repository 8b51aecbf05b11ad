import Foundation
import SynqJournal
import SynqText

/// One journal event as the Events pane shows it. Its id is the order it arrived in, so
/// the same change seen twice is still two rows.
public struct EventRow: TableRow {
    public var id: String
    public var event: JournalEvent

    public init(sequence: Int, event: JournalEvent) {
        self.id = String(sequence)
        self.event = event
    }

    /// The table's columns, in header order (also the `s` cycle order).
    public enum Column: String, TableColumn {
        case time, resource, name, change, origin
    }

    public static func definition(_ column: Column) -> ResourceColumn<EventRow> {
        switch column {
        case .time:
            ResourceColumn("TIME", width: .fixed(8), dropOrder: 1,
                           text: { row, now in RelativeTime.ago(row.event.observedAt, now: now) }, tone: { _ in .dim },
                           sortKey: { .time($0.event.observedAt) })
        case .resource:
            ResourceColumn("RESOURCE", width: .fixed(12), dropOrder: 3,
                           text: { row, _ in row.event.resource.rawValue }, tone: { _ in .dim },
                           sortKey: { .text($0.event.resource.rawValue) }, searchText: { "\($0.event.resource.rawValue) \($0.event.profile)" })
        case .name:
            ResourceColumn("NAME", width: .flexible(min: 10, weight: 2), dropOrder: 0,
                           text: { row, _ in row.label }, sortKey: { .natural($0.label) }, searchText: { "\($0.label) \($0.event.itemID)" })
        case .change:
            ResourceColumn("CHANGE", width: .flexible(min: 12, weight: 3), dropOrder: 0,
                           text: { row, _ in row.event.changeText }, tone: { tone(for: $0.event) },
                           sortKey: { .text($0.event.kind.rawValue) }, searchText: { $0.event.changeText })
        case .origin:
            ResourceColumn("ORIGIN", width: .fixed(8), dropOrder: 2,
                           text: { row, _ in row.event.origin.rawValue }, tone: { $0.event.origin == .synq ? .dim : nil },
                           sortKey: { .text($0.event.origin.rawValue) }, searchText: { $0.event.origin.rawValue })
        }
    }

    /// Alarming changes in the colour of a revoked key; enables and appearances in the
    /// colour of an enabled row, disables and disappearances of a disabled one.
    static func tone(for event: JournalEvent) -> CellTone? {
        if AlertRule.isAlert(event) { return .keyRevoked }
        switch event.kind {
        case .disabled, .disappeared: return .disabled
        case .enabled, .appeared: return .enabled
        default: return nil
        }
    }

    /// The name, or the id for items without one.
    public var label: String { event.name ?? event.itemID }

    public var isActive: Bool { false }

    public func differsVisibly(from previous: EventRow) -> Bool { event != previous.event }
}
