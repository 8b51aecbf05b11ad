import Foundation
import SynqAPI
import SynqViewModel
import SynqText

/// The Synvo keys table: name, key id, status (each status its own colour), created, last used.
enum SynvoKeysPane {
    static func columns(now: Date) -> [ColumnSpec<SynvoKeyRow>] {
        [
            ColumnSpec("NAME", width: .flexible(min: 10, weight: 3), dropOrder: 0, searchable: true, text: { $0.name ?? "(unnamed)" }),
            ColumnSpec("KEY ID", width: .flexible(min: 10, weight: 2), dropOrder: 3, searchable: true, text: { $0.id }, role: { _ in .dim }),
            ColumnSpec("STATUS", width: .fixed(8), dropOrder: 1, searchable: true, text: { $0.status.rawValue }, role: { role(for: $0.status) }),
            ColumnSpec("CREATED", width: .fixed(8), dropOrder: 4, text: { ($0.createdAt.map { RelativeTime.ago($0, now: now) } ?? "-") }),
            ColumnSpec("LAST USED", width: .fixed(9), dropOrder: 2, text: { RelativeTime.ago($0.lastUsedAt, now: now) }),
        ]
    }

    static func role(for status: SynvoKeyStatus) -> StyleRole {
        switch status {
        case .active: .keyActive
        case .revoked: .keyRevoked
        case .disabled: .keyDisabled
        case .unknown: .keyUnknown
        }
    }

    static func index(of column: SynvoKeyRow.Column) -> Int {
        switch column {
        case .name: 0
        case .keyID: 1
        case .status: 2
        case .created: 3
        case .lastUsed: 4
        }
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
