import SynqViewModel
import SynqText

/// Draws a text field on one line: label, then the field's display text (bullets when
/// masked: the plaintext is never read), scrolled so the cursor stays visible.
enum TextFieldView {
    /// Returns the cursor position on screen.
    static func draw(label: String, field: TextField, into grid: inout Grid, x: Int, y: Int, width: Int,
                     labelRole: StyleRole = .prompt, fieldRole: StyleRole = .input) -> (x: Int, y: Int) {
        guard width > 0 else { return (x, y) }
        // The label leaves at least one column, so the field never spills past `width`.
        let used = label.isEmpty ? 0 : grid.write(label + " ", x: x, y: y, role: labelRole, maxWidth: width - 1)
        let room = width - used
        let characters = Array(Grid.displayable(field.display, glyphs: grid.glyphs))
        let cursor = min(field.cursor, characters.count)
        // Show the tail of a long entry so the cursor stays on screen.
        var start = 0
        var span = 0
        var index = cursor
        while index > 0, span + max(1, CharacterWidth.of(characters[index - 1])) < room {
            index -= 1
            span += max(1, CharacterWidth.of(characters[index]))
        }
        start = index
        let visible = String(characters[start...].prefix(room))
        grid.fill(x: x + used, y: y, count: room, role: fieldRole)
        grid.write(visible, x: x + used, y: y, role: fieldRole, maxWidth: room)
        let cursorX = x + used + TextLayout.columns(String(characters[start..<cursor]))
        return (min(cursorX, x + width - 1), y)
    }
}
