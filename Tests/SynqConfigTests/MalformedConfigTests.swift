import Foundation
import SynqTestSupport
import Testing

/// A malformed config.toml is one line on stderr and exit 64 from every command that reads
/// profiles or the theme — never toml++'s assertion and SIGABRT (issue 9, finding 7).
@Suite("Malformed config.toml through the synq binary")
struct MalformedConfigTests {
    static let texts = ["[!]\n", "[ é]\n", "[[[a]]]\n", "x = [}\n", String(repeating: "[", count: 1_048_576), "active = \"a\"\0[!]\n"]

    @Test("synchronizers list, config and the theme choice: exit 64, one line naming the file", arguments: texts.indices)
    func oneLineAndExit64(index: Int) async throws {
        let home = try ScratchHome()
        try FileManager.default.createDirectory(atPath: home.locations.configDirectory, withIntermediateDirectories: true)
        chmod(home.locations.configDirectory, 0o700)
        _ = FileManager.default.createFile(atPath: home.locations.profilesFile, contents: Data(Self.texts[index].utf8), attributes: [.posixPermissions: 0o600])
        var env = home.environment
        env["PATH"] = "/usr/bin:/bin"
        env["TERM"] = "xterm-256color"
        for arguments in [["synchronizers", "list"], ["config"], ["tui"]] {
            let result = try await Detached.run(arguments, environment: env)
            #expect(result.status == 64, "\(arguments) on text \(index): status \(result.status), stderr \(result.stderr.prefix(300))")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines.first?.contains(home.locations.profilesFile) == true, "\(arguments): \(result.stderr.prefix(300))")
        }
    }
}
