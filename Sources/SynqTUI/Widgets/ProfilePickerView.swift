import SynqText
import SynqViewModel

/// The profile picker (`P`): the profiles in a box, the cursor's row highlighted, the one
/// in use marked, and at the bottom what Enter does. Long lists scroll with the cursor.
enum ProfilePickerView {
    static func draw(_ picker: ProfilePicker, fleet: FleetIdentity, into grid: inout Grid, area: Rect) {
        let glyphs = grid.glyphs
        let widest = picker.names.map { CharacterWidth.of(Grid.displayable($0, glyphs: glyphs)) }.max() ?? 0
        let hint = glyphs.unicode ? "Enter switch · Esc stay" : "Enter switch - Esc stay"
        let width = min(area.width, max(widest + 8, CharacterWidth.of(hint) + 4, 30))
        let visible = max(1, min(picker.names.count, area.height - 4))
        let height = min(area.height, visible + 4)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        let box = Box(rect: rect, title: "Switch profile", borderRole: .modal, titleRole: .modalTitle, fillRole: .modal)
        box.draw(into: &grid)
        let inner = max(1, width - 4)
        let first = TableView<String>.scrollOffset(previous: 0, selected: picker.selected, visible: visible, count: picker.names.count)
        for (row, index) in (first..<min(picker.names.count, first + visible)).enumerated() {
            let y = rect.y + 1 + row
            let name = picker.names[index]
            let current = name == fleet.profile ? " (in use)" : ""
            let role: StyleRole = index == picker.selected ? .selection : .modal
            grid.fill(x: rect.x + 1, y: y, count: width - 2, role: role)
            let text = TextLayout.truncate(Grid.displayable(name, glyphs: glyphs) + current, to: inner, ellipsis: glyphs.ellipsis)
            grid.write(text, x: rect.x + 2, y: y, role: role, maxWidth: inner)
        }
        grid.write(TextLayout.truncate(hint, to: inner, ellipsis: glyphs.ellipsis), x: rect.x + 2, y: rect.y + rect.height - 2, role: .helpKey, maxWidth: inner)
    }
}
