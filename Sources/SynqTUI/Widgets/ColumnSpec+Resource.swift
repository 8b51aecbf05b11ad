import Foundation
import SynqViewModel
import SynqText

extension ColumnSpec where Row: TableRow {
    /// A resource's columns as the screen draws them, from their one definition.
    static func columns(of row: Row.Type, now: Date) -> [ColumnSpec<Row>] {
        Row.definitions.map { ColumnSpec(definition: $0, now: now) }
    }

    init(definition: ResourceColumn<Row>, now: Date) {
        let width: WidthRule = switch definition.width {
        case .fixed(let columns): .fixed(columns)
        case .flexible(let min, let weight): .flexible(min: min, weight: weight)
        case .leftover(let min): .leftover(min: min)
        }
        let keptTail = switch definition.shortening {
        case .none: 0
        case .keepEnd(let tail): tail
        }
        let text = definition.text
        let tone = definition.tone
        self.init(definition.title, width: width, alignment: definition.alignment, dropOrder: definition.dropOrder,
                  searchable: definition.isSearchable, keptTail: keptTail,
                  text: { row in text(row, now) },
                  role: { row in tone(row).map(StyleRole.init) })
    }
}

extension StyleRole {
    /// The theme role of a cell tone.
    init(_ tone: CellTone) {
        self = switch tone {
        case .dim: .dim
        case .enabled: .enabled
        case .disabled: .disabled
        case .keyActive: .keyActive
        case .keyRevoked: .keyRevoked
        case .keyDisabled: .keyDisabled
        case .keyUnknown: .keyUnknown
        }
    }
}
