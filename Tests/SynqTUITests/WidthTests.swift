import Testing
@testable import SynqTUI

@Suite struct WidthTests {
    @Test func wideCharacterTakesTwoCells() {
        var grid = Grid(width: 6, height: 1)
        let used = grid.write("a東b", x: 0, y: 0, role: .base)
        #expect(used == 4)
        #expect(grid[1, 0].text == "東" && grid[1, 0].width == 2)
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].text == "b")
        #expect(grid.text == "a東b")
    }

    @Test func wideCharacterThatDoesNotFitBecomesASpace() {
        var grid = Grid(width: 3, height: 1)
        grid.write("ab東", x: 0, y: 0, role: .base)
        #expect(grid[2, 0].text == " ")
        #expect(!grid.cells.contains { $0.isContinuation })
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.write("東京", x: 0, y: 0, role: .base)
        grid.write("x", x: 1, y: 0, role: .base)
        #expect(grid.text == " x京")
        grid.write("y", x: 2, y: 0, role: .base)
        #expect(grid[3, 0].text == " ", "the orphaned right half of 京 is blanked")
    }

    @Test func combiningMarksStayInTheirCell() {
        var grid = Grid(width: 5, height: 1)
        grid.write("e\u{301}x", x: 0, y: 0, role: .base)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[1, 0].text == "x")
        grid.write("\u{301}", x: 3, y: 0, role: .base)
        #expect(grid[3, 0].text == " \u{301}" && grid[3, 0].width == 1, "a lone mark gets a base of its own")
    }

    @Test func controlCharactersBecomeVisibleEscapes() {
        var grid = Grid(width: 30, height: 1)
        grid.write("a\u{1b}[31mb\u{7f}\u{9b}", x: 0, y: 0, role: .base)
        #expect(grid.text == "a\\x1b[31mb\\x7f\\x9b")
    }

    @Test func asciiModeReplacesWhatTheTerminalCannotShow() {
        var grid = Grid(width: 10, height: 1, glyphs: .ascii)
        grid.write("é東x", x: 0, y: 0, role: .base)
        #expect(grid.text == "??x")
    }

    @Test func columnsDropInOrderWhenNarrow() {
        let columns: [ColumnSpec<Int>] = [
            ColumnSpec("A", width: .flexible(min: 10, weight: 1), dropOrder: 0, text: { "\($0)" }),
            ColumnSpec("B", width: .fixed(8), dropOrder: 2, text: { "\($0)" }),
            ColumnSpec("C", width: .fixed(8), dropOrder: 1, text: { "\($0)" }),
        ]
        #expect(ColumnLayout.fit(columns, into: 40) == ColumnLayout(indices: [0, 1, 2], widths: [22, 8, 8]))
        #expect(ColumnLayout.fit(columns, into: 25) == ColumnLayout(indices: [0, 2], widths: [16, 8]))
        #expect(ColumnLayout.fit(columns, into: 10) == ColumnLayout(indices: [0], widths: [10]))
    }

    @Test func scrollMovesOnlyWhenTheSelectionLeavesTheWindow() {
        #expect(TableView<Int>.scrollOffset(previous: 0, selected: 5, visible: 10, count: 100) == 0)
        #expect(TableView<Int>.scrollOffset(previous: 0, selected: 12, visible: 10, count: 100) == 3)
        #expect(TableView<Int>.scrollOffset(previous: 3, selected: 7, visible: 10, count: 100) == 3)
        #expect(TableView<Int>.scrollOffset(previous: 30, selected: 2, visible: 10, count: 100) == 2)
        #expect(TableView<Int>.scrollOffset(previous: 95, selected: 99, visible: 10, count: 100) == 90)
    }
}
