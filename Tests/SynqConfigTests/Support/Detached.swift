import Foundation
import SynqTestSupport

/// Runs `synq` in a new session with no controlling terminal (as under cron or CI), so a
/// test does not depend on whether `swift test` itself was started from a terminal.
enum Detached {
    static func run(_ arguments: [String], environment: [String: String], stdin: String = "") async throws -> DetachedOutcome {
        let scratch = try TemporaryDirectory()
        let input = scratch.path("stdin")
        try stdin.write(toFile: input, atomically: true, encoding: .utf8)
        let quoted = ([SynqBinary.url.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-w", "/bin/sh", "-c", "exec \(quoted) < '\(input)' > '\(scratch.path("out"))' 2> '\(scratch.path("err"))'"]
        process.environment = environment
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        return DetachedOutcome(status: process.terminationStatus, stdout: TestHome.contents(scratch.path("out")), stderr: TestHome.contents(scratch.path("err")))
    }
}

/// What a detached run left behind.
struct DetachedOutcome: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}
