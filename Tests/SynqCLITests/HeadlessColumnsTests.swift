import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import SynqText
import SynqViewModel
import Testing

/// The headless tables print the columns the panes show, from the same definitions
/// (`TableRow.definition`): the same titles in the same order, and each cell the
/// definition's full text (a key whole, where the pane shortens it).
@Suite struct HeadlessColumnsTests {
    /// Cells of a plain-ASCII table line (columns are two or more spaces apart).
    static func cells(_ line: Substring) -> [String] {
        line.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func synchronizersListPrintsTheDefinedColumns() async throws {
        try await withSandbox { sandbox in
            let rows = try await sandbox.enterprise().listSynchronizers().synchronizers.map(SynchronizerRow.init)
            let before = Date()
            let outcome = try await SynqBinary.run(["synchronizers", "list"], environment: sandbox.environment())
            let after = Date()
            #expect(outcome.status == 0)
            let lines = outcome.stdout.split(separator: "\n")
            #expect(Self.cells(try #require(lines.first)) == SynchronizerRow.definitions.map(\.title))
            var compared = 0
            for (row, line) in zip(rows, lines.dropFirst()) where line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && !row.name.contains("  ") {
                let expected = { (now: Date) in SynchronizerRow.definitions.map { Sanitizer.clean($0.text(row, now)) } }
                #expect([expected(before), expected(after)].contains(Self.cells(line)), "row \(row.id)")
                compared += 1
            }
            #expect(compared >= 3)
        }
    }

    @Test func keysListPrintsTheDefinedColumns() async throws {
        try await withSandbox { sandbox in
            let rows = try await sandbox.synvo().listKeys().value.items.map(SynvoKeyRow.init)
            let before = Date()
            let outcome = try await SynqBinary.run(["keys", "list"], environment: sandbox.environment())
            let after = Date()
            #expect(outcome.status == 0)
            let lines = outcome.stdout.split(separator: "\n")
            #expect(Self.cells(try #require(lines.first)) == SynvoKeyRow.definitions.map(\.title))
            var compared = 0
            for (row, line) in zip(rows, lines.dropFirst()) where line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                let expected = { (now: Date) in SynvoKeyRow.definitions.map { Sanitizer.clean($0.text(row, now)) } }
                #expect([expected(before), expected(after)].contains(Self.cells(line)), "key \(row.id)")
                compared += 1
            }
            #expect(compared >= 2)
        }
    }
}
