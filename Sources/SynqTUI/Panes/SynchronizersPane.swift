import Foundation
import SynqViewModel
import SynqText

/// The synchronizers table: name, state (coloured), key (shortened; the full key is on the
/// detail line), created (relative), id.
enum SynchronizersPane {
    static func columns(now: Date, glyphs: Glyphs) -> [ColumnSpec<SynchronizerRow>] {
        [
            ColumnSpec("NAME", width: .flexible(min: 10, weight: 3), dropOrder: 0, searchable: true, text: { $0.name }),
            ColumnSpec("STATE", width: .fixed(8), dropOrder: 1, searchable: true, text: { $0.stateText }, role: { row in
                switch row.isEnabled {
                case true?: .enabled
                case false?: .disabled
                case nil: .dim
                }
            }),
            ColumnSpec("KEY", width: .fixed(13), dropOrder: 3, searchable: true, text: { shortKey($0.key, ellipsis: glyphs.ellipsis) }, role: { _ in .dim }),
            ColumnSpec("CREATED", width: .fixed(8), dropOrder: 2, text: { ($0.createdAt.map { RelativeTime.ago($0, now: now) } ?? "-") }),
            ColumnSpec("ID", width: .flexible(min: 8, weight: 1), dropOrder: 4, searchable: true, text: { $0.id }, role: { _ in .dim }),
        ]
    }

    /// Column index in `columns` for a sort column.
    static func index(of column: SynchronizerRow.Column) -> Int {
        switch column {
        case .name: 0
        case .state: 1
        case .key: 2
        case .created: 3
        case .id: 4
        }
    }

    /// First 8 and last 4 characters of a key, of its sanitised form.
    static func shortKey(_ key: String, ellipsis: String) -> String {
        let clean = Array(Grid.displayable(key, glyphs: .unicode))
        guard clean.count > 13 else { return String(clean) }
        return String(clean.prefix(8)) + ellipsis + String(clean.suffix(4))
    }

    static func pane(_ state: AppState, glyphs: Glyphs) -> TablePane<SynchronizerRow> {
        TablePane(
            title: "Synchronizers", noun: "synchronizers",
            emptyHint: "No synchronizers yet. Press n to create one.",
            columns: columns(now: state.now, glyphs: glyphs),
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
