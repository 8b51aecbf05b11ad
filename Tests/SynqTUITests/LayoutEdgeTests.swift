import Testing
import SynqViewModel
@testable import SynqTUI
import SynqText

/// Layout corner cases found by Fuzz/run.sh width and textfield.
@Suite struct LayoutEdgeTests {
    /// Columns the grid gives `text`, the measure every layout must agree with.
    static func written(_ text: String) -> Int {
        var grid = Grid(width: 64, height: 1)
        return grid.write(text, x: 0, y: 0, role: .base)
    }

    @Test(arguments: ["\u{301}abc", "ab\u{600}", "\u{600}\u{600}abc def", "\u{1161}x", "x\u{200B}"])
    func fitFillsExactlyTheColumnsAskedFor(text: String) {
        for alignment in [TextLayout.Alignment.left, .right, .center] {
            for columns in 1...8 {
                let fitted = TextLayout.fit(text, to: columns, alignment: alignment)
                #expect(Self.written(fitted) == columns, "\(alignment) fit to \(columns)")
            }
        }
    }

    @Test func columnsCountAZeroWidthGraphemeAsTheGridDoes() {
        #expect(TextLayout.columns("\u{301}ab") == 3)
        #expect(TextLayout.columns("東x") == 3)
        #expect(CharacterWidth.of("\u{301}ab") == 2, "on a plain terminal line the mark takes no column")
    }

    @Test func fillThatCutsAWideCharacterBlanksItsOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.write("東京漢", x: 0, y: 0, role: .base)
        grid.fill(x: 1, y: 0, count: 2, role: .selection)
        #expect(grid[0, 0].text == " " && grid[0, 0].width == 1, "東 lost its right half")
        #expect(grid[3, 0].text == " " && grid[3, 0].width == 1, "京 lost its left half")
        #expect(grid[4, 0].text == "漢" && grid[5, 0].isContinuation)
    }

    @Test func aLabelWiderThanTheFieldNeverDrawsPastIt() {
        var grid = Grid(width: 10, height: 1)
        let cursor = TextFieldView.draw(label: "a very long label", field: TextField("abc"), into: &grid, x: 1, y: 0, width: 4)
        #expect(grid[5, 0] == .blank() && grid[6, 0] == .blank(), "nothing right of the field")
        #expect(cursor.x >= 1 && cursor.x <= 4)
    }

    @Test func theCursorSitsAfterAZeroWidthCharacter() {
        var grid = Grid(width: 10, height: 1)
        let cursor = TextFieldView.draw(label: "", field: TextField("\u{1161}x"), into: &grid, x: 0, y: 0, width: 10)
        #expect(grid[0, 0].text == " \u{1161}" && grid[1, 0].text == "x")
        #expect(cursor.x == 2, "after x, where the next character goes")
    }
}
