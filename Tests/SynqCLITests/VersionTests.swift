import Foundation
import SynqTestSupport
import Testing

/// `synq --version` names the release and the commit the binary was built from
/// (embedded by Plugins/BuildInfo through Scripts/build-info.sh); completions come from the same commands.
@Suite struct VersionTests {
    @Test func versionNamesTheReleaseAndTheCommitOfThisCheckout() async throws {
        let outcome = try await SynqBinary.run(["--version"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0].wholeMatch(of: /synq \d+\.\d+\.\d+/) != nil)
        let head = try await Self.run("/usr/bin/env", ["git", "-C", SynqBinary.packageRoot.path, "rev-parse", "HEAD"])
        if head.status == 0 {
            let commit = head.output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(lines[1].hasPrefix("commit \(commit) ("), "\(lines[1]) should name \(commit)")
        } else {
            #expect(lines[1].hasPrefix("commit unknown"))
        }
        #expect(lines[1].contains(" build, Linux "))
    }

    @Test func withoutGitTheCommitIsUnknown() async throws {
        let folder = try TemporaryDirectory()
        let generated = try await Self.generate(packageDirectory: folder.path("not-a-checkout"), into: folder, commitVariable: nil)
        #expect(generated.contains("static let commit: String? = nil"))
        #expect(generated.contains("static let modified = false"))
    }

    @Test func aNamedCommitIsEmbeddedOnlyWhenItIsHex() async throws {
        let folder = try TemporaryDirectory()
        let named = try await Self.generate(packageDirectory: folder.path("x"), into: folder, commitVariable: "0123abcdef")
        #expect(named.contains("static let commit: String? = \"0123abcdef\""))
        let hostile = try await Self.generate(packageDirectory: folder.path("x"), into: folder, commitVariable: "abc\"; fatalError(); \"")
        #expect(hostile.contains("static let commit: String? = nil"))
        #expect(!hostile.contains("fatalError"))
    }

    @Test(arguments: [("bash", "-F _synq synq"), ("zsh", "#compdef synq"), ("fish", "complete -c 'synq'")])
    func completionScriptsKnowTheSubcommands(shell: String, marker: String) async throws {
        let outcome = try await SynqBinary.run(["--generate-completion-script", shell])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(marker))
        for subcommand in ["synchronizers", "keys", "sandbox", "demo"] {
            #expect(outcome.stdout.contains(subcommand), "\(shell) completion lacks \(subcommand)")
        }
    }

    /// Runs Scripts/build-info.sh as the plugin does and returns the Swift it wrote.
    private static func generate(packageDirectory: String, into folder: TemporaryDirectory, commitVariable: String?) async throws -> String {
        try FileManager.default.createDirectory(atPath: packageDirectory, withIntermediateDirectories: true)
        let script = SynqBinary.packageRoot.appendingPathComponent("Scripts/build-info.sh").path
        var environment = ["PATH": "/usr/bin:/bin"]
        environment["SYNQ_BUILD_COMMIT"] = commitVariable
        let result = try await run("/bin/sh", [script, folder.path("out"), packageDirectory], environment: environment)
        try #require(result.status == 0, "build-info.sh failed: \(result.output)")
        return try String(contentsOfFile: folder.path("out/BuildInfo.swift"), encoding: .utf8)
    }

    private static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) async throws -> (status: Int32, output: String) {
        let outcome = try await ChildProcess.run(executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment)
        return (outcome.status, outcome.stdout + outcome.stderr)
    }
}
