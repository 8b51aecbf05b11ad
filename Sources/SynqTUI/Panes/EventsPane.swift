import Foundation
import SynqAPI
import SynqJournal
import SynqViewModel
import SynqText

/// The Events pane: what the journal saw change, newest first by default. Time (relative),
/// resource, name, the change (coloured by what it means), origin (synq dim, observed plain);
/// the columns are `EventRow`'s definitions.
enum EventsPane {
    static func columns(now: Date) -> [ColumnSpec<EventRow>] {
        ColumnSpec.columns(of: EventRow.self, now: now)
    }

    static func index(of column: EventRow.Column) -> Int {
        EventRow.Column.allCases.firstIndex(of: column) ?? 0
    }

    static func pane(_ state: AppState) -> TablePane<EventRow> {
        TablePane(
            title: "Events", noun: "events",
            emptyHint: state.journal.problem == nil ? "No changes seen yet. They appear here as polls find them."
                                                    : "No changes seen yet (history is not being kept).",
            columns: columns(now: state.now),
            sortColumn: index(of: state.events.sort.column),
            isPending: { _ in false }
        )
    }

    /// The line under the table: the selected event in full.
    static func detail(_ state: AppState) -> String? {
        guard let row = state.events.selected else { return nil }
        let event = row.event
        return "\(JSONCoding.formatDate(event.observedAt))  \(event.profile)  \(event.resource.rawValue) \(event.itemID)  \(event.changeText)  \(event.origin.rawValue)"
    }
}
