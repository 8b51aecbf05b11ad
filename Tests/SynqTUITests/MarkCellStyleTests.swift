import Foundation
import SynqViewModel
import Testing
@testable import SynqTUI

/// The mark column: an unmarked row's mark cell looks like the rest of its row, in every
/// built-in theme. (It used to carry the `marked` role even when empty, which monochrome,
/// high-contrast, NO_COLOR and vt100 draw bold-underlined: an underscore left of every row.)
@Suite struct MarkCellStyleTests {
    static func themes() throws -> [Theme] {
        try BuiltinThemes.names.map { name throws(ThemeError) in try ThemeLoader(environment: [:]).builtIn(name) }
    }

    /// The table's body rows on the synchronizers pane: y of every row that shows a name.
    static func bodyRows(_ frame: Frame) -> [Int] {
        let names = Fixtures.synchronizers.map { String($0.name.prefix(8)) }
        let lines = frame.grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.indices.filter { y in names.contains { lines[y].contains($0) } }
    }

    @Test func anEmptyMarkCellHasTheRowsRoleAndNoUnderline() throws {
        var state = Fixtures.loaded()
        // Mark the second row, then select the third: one marked, one selected, two plain rows.
        Fixtures.apply(&state, .command(.moveDown), .command(.toggleMark), .command(.moveDown))
        let frame = Fixtures.render(state, 80, 24)
        let rows = Self.bodyRows(frame)
        try #require(rows.count == Fixtures.synchronizers.count, "every synchronizer is on screen:\n\(frame.grid.text)")
        let gutter = try #require((0..<frame.grid.width).first { frame.grid[$0, rows[0]].role != .border && frame.grid[$0, rows[0]].text == " " })
        var marked = 0
        for y in rows {
            let cell = frame.grid[gutter, y]
            let rowRole = frame.grid[gutter + 1, y].role
            if cell.text == " " {
                #expect(cell.role == rowRole || cell.role == .selection, "empty mark cell at row \(y) has role \(cell.role), its row \(rowRole)")
                for theme in try Self.themes() {
                    let attributes = theme.style(cell.role).attributes
                    #expect(!attributes.contains(.underline), "theme \(theme.name): the empty mark cell at row \(y) is underlined (\(cell.role))")
                }
            } else {
                marked += 1
                #expect(cell.role == .marked || cell.role == .selection)
            }
        }
        #expect(marked == 1, "exactly the marked row shows a mark")
    }
}
