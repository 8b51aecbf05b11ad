import Foundation
import Subprocess
import Synchronization
import SystemPackage

/// `synq sandbox` running as its own process (for what an in-process sandbox cannot show:
/// its own descriptor limit, signals, the binary's flags), stopped when the test is done.
public final class SandboxProcess: Sendable {
    public let port: Int
    /// The run of the child; cancelling it sends SIGTERM, then SIGKILL after 10 s.
    private let running: Task<Void, Never>
    private let scratch: TemporaryDirectory

    public struct NotListening: Error, CustomStringConvertible {
        public var description: String
    }

    /// Set when the child has ended (by itself or stopped).
    private final class Ended: Sendable {
        let flag = Mutex(false)
        var value: Bool { flag.withLock { $0 } }
    }

    /// Starts `synq sandbox --port 0 --quiet ARGUMENTS` through `sh -c` after `shellPrefix`
    /// (such as `ulimit -n 256`), and waits for its listening line.
    public init(_ arguments: [String], shellPrefix: String = "true", timeout: Duration = .seconds(60)) async throws {
        scratch = try TemporaryDirectory()
        let output = scratch.path("stdout")
        let out = try FileDescriptor.open(FilePath(output), .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite])
        var options = PlatformOptions()
        options.teardownSequence = [.send(signal: .terminate, allowedDurationToNextStep: .seconds(10))]
        // "$@" keeps every argument one word; nothing is interpolated into the script but the prefix.
        let configuration = Configuration(
            executable: .path("/bin/sh"),
            arguments: Arguments(["-c", "\(shellPrefix) && exec \"$@\"", "sh", SynqBinary.url.path, "sandbox", "--port", "0", "--quiet"] + arguments),
            environment: .inherit, platformOptions: options)
        let ended = Ended()
        running = Task {
            _ = try? await Subprocess.run(configuration, input: .none,
                                          output: .fileDescriptor(out, closeAfterSpawningProcess: true), error: .discarded)
            ended.flag.withLock { $0 = true }
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var found: Int?
        while found == nil, ContinuousClock.now < deadline, !ended.value {
            let text = ScratchHome.contents(output)
            if let line = text.split(separator: "\n").first(where: { $0.contains("listening on") }),
               let colon = line.lastIndex(of: ":") {
                found = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            if found == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        guard let found else {
            running.cancel()
            await running.value
            throw NotListening(description: "synq sandbox \(arguments) did not print its listening line")
        }
        port = found
    }

    /// SIGTERM, then waits for the process to end.
    public func stop() async {
        running.cancel()
        await running.value
    }

    deinit {
        running.cancel()
    }
}
