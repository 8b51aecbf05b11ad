import Foundation
import SynqAPI
import SynqViewModel
import SynqText

/// The Synvo keys table: name, key id, status (each status its own colour), created, last used.
enum SynvoKeysPane {
    /// No keys column is shortened, so no ellipsis glyph is needed.
    static func columns(now: Date) -> [ColumnSpec<SynvoKeyRow>] {
        ColumnSpec.columns(of: SynvoKeyRow.self, now: now)
    }

    static func index(of column: SynvoKeyRow.Column) -> Int {
        SynvoKeyRow.Column.allCases.firstIndex(of: column) ?? 0
    }

    static func pane(_ state: AppState) -> TablePane<SynvoKeyRow> {
        TablePane(
            title: "Synvo keys", noun: "keys",
            emptyHint: "No Synvo keys yet. Press n to create one.",
            columns: columns(now: state.now),
            sortColumn: index(of: state.keys.sort.column),
            isPending: { _ in false }
        )
    }

    static func detail(_ state: AppState) -> String? {
        guard let row = state.keys.selected else { return nil }
        return "key id \(row.id)  \(row.status.rawValue)  last used \(RelativeTime.ago(row.lastUsedAt, now: state.now))"
    }
}
