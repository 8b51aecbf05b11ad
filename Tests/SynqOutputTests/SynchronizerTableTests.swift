import Foundation
import SynqAPI
import SynqText
import SynqViewModel
import Testing
@testable import synq

/// The fleet's streamed table is the pane's texts (`SynchronizerRow.definition`), sanitized and
/// padded by display width: checked against lines built here the plain way, cell by cell,
/// over rows of every age (in and out of date order, which the created column's memo must
/// not care about), hostile names and more than one chunk.
@Suite struct SynchronizerTableTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let fleet: SynchronizerFleet = {
        let names = ["relay", "quote \" and \\ slash", "tab\tnew\nline\u{7}", "c1 \u{85}\u{9b}31m", "界界 wide", "e\u{301} combining",
                     "\u{202e}rtl", "", String(repeating: "long-", count: 30)]
        // Ages from a year in the future to ten years ago, by steps that cross every unit.
        let ages: [Double] = [-400 * 86_400, -61, -60, 0, 4, 5, 59, 60, 3_599, 3_600, 86_399, 86_400, 5_183_999, 5_184_000,
                              31_535_999, 31_536_000, 315_360_000]
        var fleet = SynchronizerFleet()
        for row in 0..<(ParallelChunks.rowsPerChunk * 2 + 300) {
            let id = row % 5 == 0 ? "not-a-uuid-\(row)" : String(format: "%08x-0000-4000-8000-%012x", (row &* 2_654_435_761) & 0xFFFF_FFFF, row)
            let key = row % 7 == 0 ? "key-\(row)" : String(format: "%08x-1111-4000-8000-%012x", row, row)
            let name = row % 13 == 0 ? names[row % names.count] : "relay-\(row)"
            let state: Bool? = row % 3 == 0 ? nil : row % 3 == 1
            // Mostly in order (runs of one age), every 17th row out of it, every 19th without a date.
            let age = row % 17 == 0 ? ages[(row / 17) % ages.count] : ages[(row * ages.count) / (ParallelChunks.rowsPerChunk * 2 + 300)]
            let created: Date? = row % 19 == 0 ? nil : now.addingTimeInterval(-age - Double(row % 3))
            fleet.append(Synchronizer(id: id, key: key, name: name, isEnabled: state, createdAt: created))
        }
        return fleet
    }()

    /// The table written the plain way: every cell a string from the column definitions.
    static func expected(_ fleet: SynchronizerFleet, rows: [Int]) -> [String] {
        let definitions = SynchronizerTable.columns.map(SynchronizerRow.definition)
        let cells = rows.map { row in definitions.map { Sanitizer.clean($0.text(SynchronizerRow(fleet[row]), now)) } }
        let widths = definitions.indices.map { column in
            cells.reduce(CharacterWidth.of(definitions[column].title)) { max($0, CharacterWidth.of($1[column])) }
        }
        return ([definitions.map(\.title)] + cells).map { line in
            line.indices.map { column in
                column == line.count - 1 ? line[column] : line[column] + String(repeating: " ", count: widths[column] - CharacterWidth.of(line[column]))
            }.joined(separator: "  ")
        }
    }

    @Test func theStreamedTableIsTheColumnDefinitionsTextsPadded() async {
        let fleet = Self.fleet
        for rows in [Array(fleet.indices), fleet.indices.filter { $0 % 3 == 1 }, [], [5]] {
            var out = CollectedOutput()
            await SynchronizerTable.write(fleet, rows: rows, now: Self.now, to: &out)
            let lines = out.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let expected = Self.expected(fleet, rows: rows)
            #expect(lines.count == expected.count + 1 && lines.last == "", "rows: \(rows.count)")
            let first = zip(lines, expected).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(first == nil, "rows: \(rows.count), first different line \(first?.offset ?? -1): \(first.map { "\($0.element.0.debugDescription) vs \($0.element.1.debugDescription)" } ?? "")")
        }
    }

    /// A very wide cell pads every row of its column: the lines are then written in pieces of
    /// a bounded size (here a row a piece, about fourteen, and one piece a chunk), and the bytes
    /// are the same whatever the pieces.
    @Test func piecesOfAnySizeWriteTheSameBytes() async {
        var fleet = Self.fleet
        fleet.append(Synchronizer(id: "wide", key: "k", name: String(repeating: "w", count: 600), isEnabled: true, createdAt: nil))
        let rows = Array(fleet.indices)
        let cells = SynchronizerTable.Cells(fleet: fleet, rows: rows, now: Self.now)
        var whole = CollectedOutput()
        TextTable.write(SynchronizerTable.tableColumns, cells, to: &whole)
        for limit in [1_000, 10_000, 1 << 30] {
            var sequential = CollectedOutput(), parallel = CollectedOutput()
            TextTable.write(SynchronizerTable.tableColumns, cells, pieceBytes: limit, to: &sequential)
            await TextTable.write(SynchronizerTable.tableColumns, cells, pieceBytes: limit, toOutput: &parallel)
            #expect(sequential.bytes == whole.bytes, "limit \(limit)")
            #expect(parallel.bytes == whole.bytes, "limit \(limit)")
        }
        let lines = whole.text.split(separator: "\n")
        #expect(lines.count == rows.count + 1 && lines.allSatisfy { $0.utf8.count >= 600 })
    }

    /// A piece's room counts its own rows' sanitized bytes: here the widest names are those
    /// that take more bytes than columns (wide characters, escaped controls), one row a piece.
    @Test func aPieceHasRoomForItsOwnSanitizedRows() async {
        var fleet = SynchronizerFleet()
        for (row, name) in ["界界界界界界", "\u{85}\u{9b}\u{1b}[31m", "ab", "é界\u{7}"].enumerated() {
            fleet.append(Synchronizer(id: "id-\(row)", key: "k", name: name, isEnabled: nil, createdAt: nil))
        }
        let rows = Array(fleet.indices)
        var out = CollectedOutput()
        TextTable.write(SynchronizerTable.tableColumns, SynchronizerTable.Cells(fleet: fleet, rows: rows, now: Self.now), pieceBytes: 1, to: &out)
        #expect(out.text.split(separator: "\n").map(String.init) == Self.expected(fleet, rows: rows))
    }

    @Test func everyAgeIsInTheTable() async {
        // The fixture is only worth its name if the created column shows every unit.
        var out = CollectedOutput()
        await SynchronizerTable.write(Self.fleet, rows: Array(Self.fleet.indices), now: Self.now, to: &out)
        for text in ["in the future", "just now", "s ago", "m ago", "h ago", "d ago", "mo ago", "y ago", "-"] {
            #expect(out.text.contains(text), "\(text)")
        }
    }
}
