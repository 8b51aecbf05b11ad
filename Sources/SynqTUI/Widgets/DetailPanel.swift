import SynqText
import SynqViewModel

/// The detail view over a table: every field of one row, labelled, each value whole
/// (wrapped; ids and keys break anywhere), dates absolute with the relative age. When space
/// is short the name gives up lines first, ending in an ellipsis and a hint to copy it; what
/// still does not fit scrolls (`DetailView.offset`), with a "↓ more" mark in the border.
enum DetailPanel {
    struct Field {
        var label: String
        var value: String
        var role: StyleRole
        /// Keys and ids have no spaces to wrap at.
        var breaksAnywhere: Bool = false
    }

    /// The title and fields for the row the view names, or nil when the row is gone.
    static func fields(_ detail: DetailView, state: AppState, glyphs: Glyphs) -> (title: String, fields: [Field], copies: [String])? {
        let now = state.now
        switch detail.subject {
        case .synchronizer(let id):
            guard let row = state.synchronizers.row(id: id) else { return nil }
            var stateText = row.stateText
            if let pending = state.pendingToggles[id] { stateText += ", \(pending.enable ? "enabling" : "disabling")\(glyphs.ellipsis)" }
            // The same style as the table's STATE cell: one definition per column.
            let stateRole = role(SynchronizerRow.definition(.state), row)
            return ("Synchronizer", [
                Field(label: "Name", value: row.name, role: .modal),
                Field(label: "State", value: stateText, role: stateRole),
                Field(label: "Synq key", value: row.key, role: .modal, breaksAnywhere: true),
                Field(label: "ID", value: row.id, role: .modal, breaksAnywhere: true),
                Field(label: "Created", value: AbsoluteTime.withAge(row.createdAt, now: now), role: .modal),
            ], ["i copy id", "n copy name", "c copy key", "Esc close"])
        case .key(let id):
            guard let row = state.keys.row(id: id) else { return nil }
            return ("Synvo key", [
                Field(label: "Name", value: row.name ?? "(unnamed)", role: row.name == nil ? .dim : .modal),
                Field(label: "Key ID", value: row.id, role: .modal, breaksAnywhere: true),
                Field(label: "Status", value: row.status.rawValue, role: role(SynvoKeyRow.definition(.status), row)),
                Field(label: "Created", value: AbsoluteTime.withAge(row.createdAt, now: now), role: .modal),
                Field(label: "Last used", value: AbsoluteTime.withAge(row.lastUsedAt, now: now, missing: "never"), role: .modal),
            ], ["i copy id", "n copy name", "Esc close"])
        }
    }

    /// A column's cell style for a row, `.modal` when the column has none of its own.
    static func role<Row>(_ column: ResourceColumn<Row>, _ row: Row) -> StyleRole {
        column.tone(row).map(StyleRole.init) ?? .modal
    }

    /// Draws the view scrolled to `detail.offset` (clamped to what exists) and returns what
    /// fits, for the view model to page and clamp by.
    @discardableResult
    static func draw(_ detail: DetailView, state: AppState, into grid: inout Grid, area: Rect) -> HelpViewport {
        let glyphs = grid.glyphs
        let width = min(area.width, 100)
        let inner = max(1, width - 4)
        let labelWidth = 10
        let valueWidth = max(1, inner - labelWidth - 1)
        var lines: [(label: String, text: String, role: StyleRole)] = []
        let title: String
        let footer: [String]
        var room = 1
        if let content = fields(detail, state: state, glyphs: glyphs) {
            title = content.title
            footer = TextWrap.items(content.copies, separator: glyphs.unicode ? " · " : " | ", width: inner)
            var wrapped = content.fields.map { field -> (Field, [String]) in
                let clean = Grid.displayable(field.value, glyphs: glyphs)
                return (field, field.breaksAnywhere ? TextWrap.characters(clean, width: valueWidth) : TextWrap.words(clean, width: valueWidth))
            }
            // The name (first field) gives up lines when the rest would not fit; what still
            // does not fit scrolls.
            room = max(1, area.height - 2 - footer.count)
            let others = wrapped.dropFirst().reduce(0) { $0 + $1.1.count }
            if let name = wrapped.first, name.1.count + others > room, max(1, room - others) < name.1.count {
                let keep = max(1, room - others)
                var cut = Array(name.1.prefix(keep))
                cut[cut.count - 1] = TextLayout.truncate(cut[cut.count - 1] + " ", to: max(1, valueWidth - 1), ellipsis: glyphs.ellipsis)
                if !cut[cut.count - 1].hasSuffix(glyphs.ellipsis) { cut[cut.count - 1] += glyphs.ellipsis }
                wrapped[0].1 = cut
            }
            for (field, values) in wrapped {
                for (index, value) in values.enumerated() {
                    lines.append((index == 0 ? field.label : "", value, field.role))
                }
            }
        } else {
            title = "Details"
            footer = ["Esc close"]
            lines = [("", "This row is no longer in the list.", .dim)]
        }
        // A blank line above the keys when everything fits with it; a scrolling view needs the line.
        let spacer = lines.count < room ? 1 : 0
        let height = min(area.height, min(lines.count, room - spacer) + spacer + footer.count + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        let box = Box(rect: rect, title: title, borderRole: .modal, titleRole: .modalTitle, fillRole: .modal)
        box.draw(into: &grid)
        let bottom = rect.y + rect.height - 1
        let shown = bottom - footer.count - spacer - (rect.y + 1)
        guard shown > 0 else { return HelpViewport(page: 1, maxOffset: 0, overlay: .detail) }
        let lastOffset = max(0, lines.count - shown)
        let offset = min(max(0, detail.offset), lastOffset)
        for (index, line) in lines.dropFirst(offset).prefix(shown).enumerated() {
            let y = rect.y + 1 + index
            grid.write(line.label, x: rect.x + 2, y: y, role: .modalTitle, maxWidth: labelWidth)
            grid.write(line.text, x: rect.x + 2 + labelWidth + 1, y: y, role: line.role, maxWidth: valueWidth)
        }
        for (index, line) in footer.enumerated() {
            let row = bottom - footer.count + index
            guard row > rect.y else { continue }
            grid.write(line, x: rect.x + 2, y: row, role: .helpKey, maxWidth: inner)
        }
        if lastOffset > 0 {
            ScrollMark.draw(first: offset + 1, last: min(lines.count, offset + shown), of: lines.count, box: box, into: &grid)
        }
        return HelpViewport(page: shown, maxOffset: lastOffset, overlay: .detail)
    }
}
