import Foundation
import SynqTestSupport

/// Runs `synq` in a new session with no controlling terminal (as under cron or CI), so a
/// test does not depend on whether `swift test` itself was started from a terminal.
enum Detached {
    static func run(_ arguments: [String], environment: [String: String], stdin: String = "") async throws -> ChildProcess.Outcome {
        try await ChildProcess.run(SynqBinary.url.path, arguments, environment: environment, stdin: stdin, newSession: true)
    }
}
