import Foundation
import SynqAPI
import SynqText
import SynqViewModel
import Testing
@testable import SynqTUI

/// Where a table's spare width goes: to the columns that are cut (the id, then the key),
/// never past a column's widest text, and what nobody needs stays blank at the right edge.
@Suite struct ColumnWidthTests {
    /// A fleet as a server sends it: 36-character ids and keys, names of mixed lengths.
    static let fleet: [Synchronizer] = [
        Synchronizer(id: "3f2a9c1e-7b4d-4e8a-9c2f-1a6b5d4e3c21", key: "b1df0d63-83b3-478d-a55f-a6c402e74185",
                     name: "Production Server 1", isEnabled: true, createdAt: Fixtures.ago(days: 3)),
        Synchronizer(id: "8e1d4c7b-2a9f-4b3e-8d6c-5f0a1b2c3d4e", key: "c2ef1e74-94c4-589e-b66a-b7d513f85296",
                     name: "edge-eu-west-1-canary", isEnabled: false, createdAt: Fixtures.ago(days: 40)),
        Synchronizer(id: "0c5b6a7d-8e9f-4a1b-9c2d-3e4f5a6b7c8d", key: "0a1b2c3d-0000-4000-8000-123456789abc",
                     name: "lab", isEnabled: nil, createdAt: nil),
    ]

    static func screen(_ width: Int, glyphs: Glyphs = .unicode) -> Grid {
        Fixtures.render(Fixtures.loaded(synchronizers: fleet), width, 10, glyphs: glyphs).grid
    }

    static func lines(_ grid: Grid) -> [String] { grid.text.components(separatedBy: "\n") }

    static let longestName = fleet.map { $0.name.count }.max()!

    @Test(arguments: [80, 140, 250])
    func synchronizersTable(width: Int) {
        Snapshot.check(Self.screen(width), named: "columns-\(width)x10")
    }

    @Test func narrowScreenKeepsTheNameWholeAndShortensTheKey() {
        let text = Self.screen(80).text
        for synchronizer in Self.fleet { #expect(text.contains(synchronizer.name)) }
        #expect(text.contains("b1df0d63…4185 "), "the key keeps its ends in 13 columns")
        #expect(!text.contains("b1df0d63-83b3-478d-a55f-a6c402e74185 "), "no whole key at 80 columns")
    }

    @Test func idIsWholeAt140Columns() {
        let text = Self.screen(140).text
        for synchronizer in Self.fleet {
            #expect(text.contains(synchronizer.id), "id \(synchronizer.id) whole at 140 columns")
            #expect(text.contains(synchronizer.key), "key \(synchronizer.key) whole at 140 columns: there is room")
        }
    }

    @Test func wideScreenLeavesTheSpareWidthAtTheRightEdge() throws {
        let lines = Self.lines(Self.screen(250))
        let header = try #require(lines.first { $0.contains("NAME") && $0.contains("STATE") })
        let name = try #require(header.range(of: "NAME"))
        let state = try #require(header.range(of: "STATE"))
        let nameWidth = header.distance(from: name.lowerBound, to: state.lowerBound) - 1
        #expect(nameWidth == Self.longestName, "NAME is as wide as the longest name, not \(nameWidth)")
        for synchronizer in Self.fleet {
            let row = try #require(lines.first { $0.contains(synchronizer.name + " ") && $0.contains(synchronizer.id) })
            #expect(row.contains(synchronizer.key), "the key is whole at 250 columns")
            // Everything after the id is blank up to the border.
            let after = row[row.range(of: synchronizer.id)!.upperBound...].dropLast()
            #expect(after.allSatisfy { $0 == " " } && after.count > 100)
        }
    }

    @Test func asciiKeyKeepsItsEndsToo() {
        let text = Self.screen(80, glyphs: .ascii).text
        #expect(text.contains("b1df0d63~4185 "))
    }

    @Test func leftoverColumnsGrowOnlyAfterTheFlexibleOnesAreWhole() {
        let columns: [ColumnSpec<Int>] = [
            ColumnSpec("A", width: .flexible(min: 10, weight: 3), dropOrder: 0, text: { "\($0)" }),
            ColumnSpec("K", width: .leftover(min: 13), dropOrder: 3, text: { "\($0)" }),
            ColumnSpec("I", width: .flexible(min: 8, weight: 1), dropOrder: 4, text: { "\($0)" }),
        ]
        let natural = [20, 36, 36]
        // Narrow: the flexible columns share the spare width; the leftover one stays at its minimum.
        #expect(ColumnLayout.fit(columns, into: 60, natural: natural) == ColumnLayout(indices: [0, 1, 2], widths: [20, 13, 25]))
        // Room for the name and the id, then the key takes what it needs, the rest stays blank.
        #expect(ColumnLayout.fit(columns, into: 90, natural: natural) == ColumnLayout(indices: [0, 1, 2], widths: [20, 32, 36]))
        #expect(ColumnLayout.fit(columns, into: 200, natural: natural) == ColumnLayout(indices: [0, 1, 2], widths: [20, 36, 36]))
        // Without natural widths it is a fixed column.
        #expect(ColumnLayout.fit(columns, into: 90) == ColumnLayout(indices: [0, 1, 2], widths: [52, 13, 23]))
    }

    @Test func middleCutKeepsTheTail() {
        let key = "b1df0d63-83b3-478d-a55f-a6c402e74185"
        #expect(TextLayout.truncate(key, to: 13, keepingLast: 4) == "b1df0d63…4185")
        #expect(TextLayout.truncate(key, to: 20, keepingLast: 4) == "b1df0d63-83b3-4…4185")
        #expect(TextLayout.truncate(key, to: 36, keepingLast: 4) == key)
        #expect(TextLayout.truncate(key, to: 5, keepingLast: 4) == "b1df…", "no room for a head: cut at the end")
        #expect(TextLayout.truncate("東京東京東京東京", to: 9, keepingLast: 1) == "東京東…京")
    }

    /// Counts read with thousands separators wherever the screen shows them.
    @Test func countsHaveThousandsSeparators() throws {
        #expect(Count.text(1_000_000) == "1,000,000")
        let many = (0..<1_500).map { index in
            Synchronizer(id: "id-\(index)", key: "key-\(index)", name: "node-\(index)", isEnabled: true, createdAt: Fixtures.ago(days: 1))
        }
        var state = Fixtures.loaded(synchronizers: many)
        Fixtures.apply(&state, .command(.markAllVisible))
        let marked = Fixtures.render(state, 100, 12).grid.text
        #expect(marked.contains("Synchronizers (1,500) ✓1,500"))
        #expect(marked.contains("1,500 marked"))
        Fixtures.apply(&state, .command(.setMarked(enable: false)))
        let asked = Fixtures.render(state, 100, 12).grid.text
        #expect(asked.contains("Disable 1,500 marked synchronizers?"), "\(asked)")
    }
}
