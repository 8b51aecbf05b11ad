import Foundation
import SynqAPI
import SynqText

/// One synchronizer as the synchronizers table shows it.
public struct SynchronizerRow: TableRow {
    public typealias Storage = SynchronizerStorage
    public var id: String
    public var name: String
    /// The synq key. Shown shortened in the table and in full on the detail line.
    public var key: String
    /// nil when the server did not say.
    public var isEnabled: Bool?
    public var createdAt: Date?

    public init(id: String, name: String, key: String, isEnabled: Bool?, createdAt: Date?) {
        self.id = id
        self.name = name
        self.key = key
        self.isEnabled = isEnabled
        self.createdAt = createdAt
    }

    public init(_ synchronizer: Synchronizer) {
        self.init(id: synchronizer.id, name: synchronizer.name, key: synchronizer.key,
                  isEnabled: synchronizer.isEnabled, createdAt: synchronizer.createdAt)
    }

    /// "enabled", "disabled" or "unknown".
    public var stateText: String { Synchronizer.stateText(isEnabled: isEnabled) }

    /// The table's columns, in header order (also the `s` cycle order).
    public enum Column: String, TableColumn {
        case name, state, key, created, id
    }

    public static func definition(_ column: Column) -> ResourceColumn<SynchronizerRow> {
        switch column {
        case .name:
            ResourceColumn("NAME", width: .flexible(min: 10, weight: 3), dropOrder: 0,
                           text: { row, _ in row.name }, sortKey: { .natural($0.name) }, searchText: { $0.name })
        case .state:
            ResourceColumn("STATE", width: .fixed(8), dropOrder: 1,
                           text: { row, _ in row.stateText }, tone: { row in
                               switch row.isEnabled {
                               case true?: .enabled
                               case false?: .disabled
                               case nil: .dim
                               }
                           }, sortKey: { .text($0.stateText) }, searchText: { $0.stateText })
        case .key:
            // Whole when the screen has room after the name and the id; the full key is
            // always on the detail line and in headless output.
            ResourceColumn("KEY", width: .leftover(min: 13), dropOrder: 3, shortening: .keepEnd(tail: 4),
                           text: { row, _ in row.key }, tone: { _ in .dim }, sortKey: { .folded($0.key) }, searchText: { $0.key })
        case .created:
            ResourceColumn("CREATED", width: .fixed(8), dropOrder: 2,
                           text: { row, now in createdText(row.createdAt.map { RelativeTime.age($0, now: now) }) }, sortKey: { .date($0.createdAt) })
        case .id:
            ResourceColumn("ID", width: .flexible(min: 8, weight: 1), dropOrder: 4,
                           text: { row, _ in row.id }, tone: { _ in .dim }, sortKey: { .folded($0.id) }, searchText: { $0.id })
        }
    }

    /// The created column's text for a date of this age ("-" for none): one rule for the pane
    /// and the headless table, which words each age once for the many rows that share it.
    public static func createdText(_ age: RelativeTime.Age?) -> String {
        age.map(RelativeTime.text) ?? "-"
    }

    public var isActive: Bool { isEnabled == true }

    public func differsVisibly(from previous: SynchronizerRow) -> Bool {
        name != previous.name || isEnabled != previous.isEnabled || key != previous.key
    }
}
