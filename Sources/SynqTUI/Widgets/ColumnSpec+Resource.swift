import Foundation
import SynqViewModel
import SynqText

extension ColumnSpec where Row: TableRow {
    /// A resource's columns as the screen draws them, from their one definition.
    static func columns(of row: Row.Type, now: Date, glyphs: Glyphs) -> [ColumnSpec<Row>] {
        Row.definitions.map { ColumnSpec(definition: $0, now: now, ellipsis: glyphs.ellipsis) }
    }

    init(definition: ResourceColumn<Row>, now: Date, ellipsis: String) {
        let width: WidthRule = switch definition.width {
        case .fixed(let columns): .fixed(columns)
        case .flexible(let min, let weight): .flexible(min: min, weight: weight)
        }
        let shortening = definition.shortening
        let text = definition.text
        let tone = definition.tone
        self.init(definition.title, width: width, alignment: definition.alignment, dropOrder: definition.dropOrder,
                  searchable: definition.isSearchable,
                  text: { row in Self.shorten(text(row, now), shortening, ellipsis: ellipsis) },
                  role: { row in tone(row).map(StyleRole.init) })
    }

    /// The cell as the screen shows it: its sanitised text, shortened as the column says.
    static func shorten(_ text: String, _ shortening: ResourceColumn<Row>.Shortening, ellipsis: String) -> String {
        guard case .keepEnds(let head, let tail) = shortening else { return text }
        let clean = Array(Grid.displayable(text, glyphs: .unicode))
        guard clean.count > head + tail + 1 else { return String(clean) }
        return String(clean.prefix(head)) + ellipsis + String(clean.suffix(tail))
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
