import Foundation
import Testing
@testable import SynqViewModel

/// README's key table is written from the key table itself: the help sections of every
/// context (what `?` shows, text-field keys included) and the mouse. The test fails when
/// README.md's generated block differs; `SNAPSHOT_RECORD=1` rewrites the block (read the diff).
@Suite struct ReadmeKeyTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    static let begin = "<!-- generated from KeyMap.standard and MouseHelp: edit those, then SNAPSHOT_RECORD=1 swift test --filter ReadmeKeyTableTests -->"
    static let end = "<!-- end of the generated key table -->"

    /// The table: one row per help entry, in help's order; keys that change something on a
    /// server say that `--readonly` unbinds them.
    static func table(_ keyMap: KeyMap = .standard) -> String {
        let kept = Set(keyMap.helpSections(readOnly: true).flatMap { section in section.entries.map { [section.title, $0.help] } })
        var lines = ["| keys | where | what |", "|---|---|---|"]
        for section in keyMap.helpSections(readOnly: false) {
            for entry in section.entries {
                let keys = entry.keys.map { "`\($0.description)`" }.joined(separator: " ")
                let what = entry.help + (kept.contains([section.title, entry.help]) ? "" : " (not with `--readonly`)")
                lines.append("| \(keys) | \(section.title) | \(what) |")
            }
        }
        for mouse in MouseHelp.entries {
            lines.append("| \(mouse.gesture) | \(MouseHelp.title) | \(mouse.help) |")
        }
        return lines.joined(separator: "\n")
    }

    /// README with its generated block replaced by `table`.
    static func replacingBlock(in text: String, with table: String) -> String? {
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else { return nil }
        return text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: "\n" + table + "\n")
    }

    @Test func readmeListsExactlyTheKeyTable() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let current = try #require(Self.replacingBlock(in: text, with: Self.table()), "README.md has no generated key table between its markers")
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            try current.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == text, "README.md's key table differs from KeyMap.standard (SNAPSHOT_RECORD=1 rewrites it)")
    }

    @Test func everyBindingAndMouseGestureHasItsRow() {
        let table = Self.table()
        for binding in KeyMap.standard.bindings {
            let keys = binding.keys.map { "`\($0.description)`" }.joined(separator: " ")
            #expect(table.contains("| \(keys) | \(binding.context.title) | \(binding.help)"), "\(binding.keyLabel) in \(binding.context)")
        }
        for mouse in MouseHelp.entries { #expect(table.contains("| \(mouse.gesture) |")) }
        #expect(table.contains("`space` | Synchronizers | Enable or disable the selected row (not with `--readonly`)"))
        #expect(table.contains("`/` | Tables | Filter as you type (Esc clears) |"))
    }
}
