import Foundation
import Subprocess
import SystemPackage

/// Runs a program to its end the way a script would: stdin fed from a string (or empty),
/// stdout and stderr into files (nothing to drain concurrently, any size), a deadline after
/// which the child is killed and the run throws. swift-subprocess spawns it with only the
/// three standard descriptors and default signal dispositions, and waits without blocking a
/// thread, so an in-process sandbox keeps the cooperative pool.
public enum ChildProcess {
    /// What a finished child left behind; `status` is the exit code, or 128 + N for a child
    /// killed by signal N, as a shell reports it.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `executable arguments…` with exactly `environment`. `stdoutPath` sends standard output
    /// to that file instead (`/dev/full` for a full disk); `newSession` detaches the child from
    /// any controlling terminal (as under cron or CI).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                           stdin: String? = nil, stdoutPath: String? = nil, newSession: Bool = false,
                           timeout: Duration = .seconds(60)) async throws -> Outcome {
        let scratch = try TemporaryDirectory()
        let outPath = stdoutPath ?? scratch.path("stdout")
        let errPath = scratch.path("stderr")
        let out = try FileDescriptor.open(FilePath(outPath), .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite])
        let err = try FileDescriptor.open(FilePath(errPath), .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite])
        var childEnvironment: [Environment.Key: String] = [:]
        for (name, value) in environment {
            if let key = Environment.Key(rawValue: name) { childEnvironment[key] = value }
        }
        var options = PlatformOptions()
        options.createSession = newSession
        let configuration = Configuration(executable: .path(FilePath(executable)), arguments: Arguments(arguments),
                                          environment: .custom(childEnvironment), platformOptions: options)
        let input = Array((stdin ?? "").utf8)
        let status = try await withThrowingTaskGroup(of: TerminationStatus?.self) { group in
            group.addTask {
                try await Subprocess.run(configuration, input: .array(input),
                                         output: .fileDescriptor(out, closeAfterSpawningProcess: true),
                                         error: .fileDescriptor(err, closeAfterSpawningProcess: true)).terminationStatus
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            // Cancelling the run kills the child (swift-subprocess's teardown ends with SIGKILL).
            guard let first = try await group.next(), let status = first else {
                throw TimedOut(description: "\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout)")
            }
            return status
        }
        let code: Int32 = switch status {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
        return Outcome(status: code, stdout: ScratchHome.contents(outPath), stderr: ScratchHome.contents(errPath))
    }
}
