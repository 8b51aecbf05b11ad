import Foundation

/// `synq sandbox` running as its own process (for what an in-process sandbox cannot show:
/// its own descriptor limit, signals, the binary's flags), stopped when the test is done.
public final class SandboxProcess: Sendable {
    public let port: Int
    private let process: Process
    private let scratch: TemporaryDirectory

    public struct NotListening: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `synq sandbox --port 0 --quiet ARGUMENTS` through `sh -c` after `shellPrefix`
    /// (such as `ulimit -n 256`), and waits for its listening line.
    public init(_ arguments: [String], shellPrefix: String = "true", timeout: Duration = .seconds(60)) async throws {
        scratch = try TemporaryDirectory()
        let output = scratch.path("stdout")
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // "$@" keeps every argument one word; nothing is interpolated into the script but the prefix.
        process.arguments = ["-c", "\(shellPrefix) && exec \"$@\"", "sh", SynqBinary.url.path, "sandbox", "--port", "0", "--quiet"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var found: Int?
        while found == nil, ContinuousClock.now < deadline, process.isRunning {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("listening on") }),
               let colon = line.lastIndex(of: ":") {
                found = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            if found == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            throw NotListening(description: "synq sandbox \(arguments) did not print its listening line")
        }
        port = found
    }

    /// SIGTERM, then waits for the process to end.
    public func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
