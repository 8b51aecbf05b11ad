import Foundation

/// Runs the real `synq` executable as a subprocess, the way a script or a user would.
public enum SynqBinary {
    /// The built `synq`, found beside the test bundle (both live in the build products folder).
    public static var url: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("synq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/synq")
    }

    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public typealias Outcome = ChildProcess.Outcome

    /// Runs `synq arguments…` with exactly `environment` (plus PATH, HOME and LANG), feeding `stdin`.
    /// `stdoutPath` sends standard output to that file instead (`/dev/full` for a full disk).
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                           stdoutPath: String? = nil, timeout: Duration = .seconds(60)) async throws -> Outcome {
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        return try await ChildProcess.run(url.path, arguments, environment: env, stdin: stdin, stdoutPath: stdoutPath, timeout: timeout)
    }
}
