import Foundation
import SynqTestSupport

/// A `synq` left running (`synq watch`): standard output to a file the test reads as it
/// grows, or to a pipe the test can close; stopped by a signal.
final class BackgroundSynq: @unchecked Sendable {
    let process = Process()
    let scratch: TemporaryDirectory
    private let exited: AsyncStream<Void>
    /// The read end when standard output is a pipe.
    private(set) var pipe: Pipe?

    init(_ arguments: [String], environment: [String: String], stdoutToPipe: Bool = false) throws {
        scratch = try TemporaryDirectory()
        process.executableURL = SynqBinary.url
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": scratch.path("home"), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        _ = FileManager.default.createFile(atPath: scratch.path("stdout"), contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.path("stderr"), contents: nil)
        if stdoutToPipe {
            let pipe = Pipe()
            self.pipe = pipe
            process.standardOutput = pipe
        } else {
            process.standardOutput = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("stdout"))
        }
        process.standardError = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        let process = self.process
        exited = AsyncStream { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
    }

    var stdout: String { (try? String(contentsOfFile: scratch.path("stdout"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: scratch.path("stderr"), encoding: .utf8)) ?? "" }
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the exit; kills the process and returns nil after `timeout`.
    func waitForExit(timeout: Duration = .seconds(10)) async -> Int32? {
        let process = self.process
        let watchdog = Task { () -> Bool in
            do { try await Task.sleep(for: timeout) } catch { return false }
            kill(process.processIdentifier, SIGKILL)
            return true
        }
        for await _ in exited { break }
        watchdog.cancel()
        return await watchdog.value ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
