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

    /// What a finished subprocess left behind.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `synq arguments…` with exactly `environment` (plus PATH and HOME), feeding `stdin`.
    /// Waits without blocking a thread: an in-process sandbox shares the cooperative pool.
    /// `stdoutPath` sends standard output to that file instead (`/dev/full` for a full disk).
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                           stdoutPath: String? = nil, timeout: Duration = .seconds(60)) async throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        // Output goes to files rather than pipes: nothing to drain concurrently, no dead-lock on large output.
        let scratch = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: scratch.path("stdout"), contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.path("stderr"), contents: nil)
        let out = try FileHandle(forWritingTo: stdoutPath.map(URL.init(fileURLWithPath:)) ?? scratch.url.appendingPathComponent("stdout"))
        let err = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("stderr"))
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let exited = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        for await _ in exited { break }
        watchdog.cancel()
        try? out.close()
        try? err.close()
        let stdoutText = (try? String(contentsOfFile: scratch.path("stdout"), encoding: .utf8)) ?? ""
        let stderrText = (try? String(contentsOfFile: scratch.path("stderr"), encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, stdout: stdoutText, stderr: stderrText)
    }
}
