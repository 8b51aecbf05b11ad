import SynqAPI
@testable import SynqTUI
import SynqText

// Shared by the `width` and `textfield` targets: what must hold of any grid, whatever was
// written into it.

/// Every cell's text starts with a scalar as wide as the cell (a zero-width grapheme gets a
/// space in front); a wide cell is followed by exactly one continuation and a continuation
/// always follows a wide cell; no control character; ASCII only with ASCII glyphs.
func checkIntegrity(_ grid: Grid, _ context: @autoclosure () -> String = "") {
    for y in 0..<grid.height {
        for x in 0..<grid.width {
            let cell = grid[x, y]
            switch cell.width {
            case 0:
                if x == 0 || grid[x - 1, y].width != 2 { fail("continuation without a wide cell before it at \(x),\(y)", context()) }
                if !cell.text.isEmpty { fail("continuation with text at \(x),\(y)", context()) }
            case 1, 2:
                if cell.width == 2 && (x + 1 >= grid.width || grid[x + 1, y].width != 0) {
                    fail("wide cell without its continuation at \(x),\(y)", context())
                }
                // The backend draws a cell as its first scalar plus the zero-width ones after it.
                guard let first = cell.text.unicodeScalars.first else { fail("empty cell at \(x),\(y)", context()) }
                if CharacterWidth.of(first) != Int(cell.width) {
                    fail("cell width \(cell.width) but its text starts with a scalar of width \(CharacterWidth.of(first)) at \(x),\(y)", context())
                }
            default:
                fail("cell width \(cell.width) at \(x),\(y)", context())
            }
            if cell.text.unicodeScalars.contains(where: Sanitizer.isUnsafe) { fail("control character in a cell at \(x),\(y)", context()) }
            if !grid.glyphs.unicode && !cell.text.allSatisfy(\.isASCII) { fail("non-ASCII cell with ASCII glyphs at \(x),\(y)", context()) }
        }
    }
}

/// The columns `Grid.write` takes for `text` with no limit: what a layout must plan for.
func gridColumns(_ text: String, glyphs: Glyphs) -> Int {
    var scratch = Grid(width: 8 * text.unicodeScalars.count + 8, height: 1, glyphs: glyphs)
    return scratch.write(text, x: 0, y: 0, role: .base)
}

func fail(_ message: String, _ context: String) -> Never {
    fatalError(context.isEmpty ? message : "\(message) [\(context)]")
}
