import Foundation
import SynqViewModel
import SynqText

/// The synchronizers table: name, state (coloured), key (shortened; the full key is on the
/// detail line), created (relative), id.
enum SynchronizersPane {
    static func columns(now: Date) -> [ColumnSpec<SynchronizerRow>] {
        ColumnSpec.columns(of: SynchronizerRow.self, now: now)
    }

    /// Column index in `columns` for a sort column.
    static func index(of column: SynchronizerRow.Column) -> Int {
        SynchronizerRow.Column.allCases.firstIndex(of: column) ?? 0
    }

    static func pane(_ state: AppState) -> TablePane<SynchronizerRow> {
        TablePane(
            title: "Synchronizers", noun: "synchronizers",
            emptyHint: "No synchronizers yet. Press n to create one.",
            columns: columns(now: state.now),
            sortColumn: index(of: state.synchronizers.sort.column),
            isPending: { state.isPending($0.id) }
        )
    }

    /// The line under the table for the selected row: the full key and id.
    static func detail(_ state: AppState) -> String? {
        guard let row = state.synchronizers.selected else { return nil }
        return "key \(row.key)  id \(row.id)"
    }
}
