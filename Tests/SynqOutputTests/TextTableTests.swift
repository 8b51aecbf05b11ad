import Testing
@testable import synq

/// The table keeps each cell's measure in two bytes between its two passes: a cell too wide
/// for them is measured again when written, and the columns still line up.
@Suite struct TextTableTests {
    @Test func aCellWiderThanAPackedMeasureStillAlignsItsColumn() {
        var table = TextTable([TextTable.Column(title: "A"), TextTable.Column(title: "B")])
        let wide = String(repeating: "w", count: 40_000)
        let wideUnicode = "界" + String(repeating: "é", count: 33_000)  // 33,002 columns
        table.append([wide, "x"])
        table.append(["short", "y"])
        table.append([wideUnicode, "z"])
        let lines = table.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 5)  // the header, three rows, and the empty string after the last newline
        guard lines.count == 5 else { return }
        expectLine(lines[0], "A" + String(repeating: " ", count: 39_999) + "  B")
        expectLine(lines[1], wide + "  x")
        expectLine(lines[2], "short" + String(repeating: " ", count: 39_995) + "  y")
        expectLine(lines[3], wideUnicode + String(repeating: " ", count: 6_998) + "  z")
    }

    /// Lines of 40,000 characters: a failure says where they part, not both lines whole.
    private func expectLine(_ line: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard line != expected else { return }
        let same = zip(line, expected).prefix { $0 == $1 }.count
        let got = String(line.dropFirst(same).prefix(20)), wanted = String(expected.dropFirst(same).prefix(20))
        let message = "lines part at character \(same) of \(line.count) (expected \(expected.count)): \(got.debugDescription) vs \(wanted.debugDescription)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// Right-aligned columns are padded before their text, the last column too; titles are
/// measured like cells.
@Suite struct TextTableAlignmentTests {
    @Test func rightAlignedColumnsArePaddedOnTheLeft() {
        var table = TextTable([TextTable.Column(title: "NAME"), TextTable.Column(title: "N", alignment: .right),
                               TextTable.Column(title: "LAST", alignment: .right)])
        table.append(["a", "12345", "x"])
        table.append(["界界界", "7", "yz"])
        #expect(table.render() == "NAME        N  LAST\na       12345     x\n界界界      7    yz\n")
    }
}
