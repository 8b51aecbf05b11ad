import Foundation
import SynqTestSupport
import Testing

/// `synq theme check`, as someone writing a theme runs it.
@Suite struct ThemeCheckCLITests {
    @Test("every built-in theme passes at every depth: exit 0", arguments: ["default", "light", "high-contrast", "monochrome"])
    func builtInsPass(name: String) async throws {
        let outcome = try await SynqBinary.run(["theme", "check", name], environment: ["NO_COLOR": "1"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("8 colours:") && outcome.stdout.contains("(every role passes)"))
        #expect(outcome.stdout.contains("theme \(name):"), "NO_COLOR does not replace the theme being checked")
    }

    @Test func aRoleBelowAAExitsOneAndIsNamed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.toml")
        try Data("[styles]\ndisabled = { fg = \"red\" }\n".utf8).write(to: file)
        let outcome = try await SynqBinary.run(["theme", "check", file.path, "--colors", "8"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("worst: disabled at 8 colours, 3.60:1 (below 4.50:1)"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("256 colours:"))
    }

    @Test(arguments: [["theme", "check", "no-such-theme"], ["theme", "check", "default", "--colors", "12"]])
    func unusableInputIsAUsageError(arguments: [String]) async throws {
        let outcome = try await SynqBinary.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("synq: ") && outcome.stderr.split(separator: "\n").count == 1)
    }
}
