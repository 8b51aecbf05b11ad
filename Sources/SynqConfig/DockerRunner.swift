import Foundation
import Subprocess
import SystemPackage

/// Finds `docker` on PATH and runs it with swift-subprocess, awaiting its exit without
/// blocking a thread of the cooperative pool. The synq key is never an argument: it reaches
/// the container through a 0600 env file (`ContainerLaunch`). Credentials of synq itself are
/// removed from the child's environment.
public struct DockerRunner: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Variables that must never reach a child process.
    static let privateVariables: Set<String> = ["ENTERPRISE_API_KEY", "SYNVO_API_KEY", "SYNQ_PASSPHRASE"]

    public var searchPath: String { environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin" }

    /// The first executable `docker` on PATH.
    public func locate() -> String? {
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(directory) + "/docker"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Runs `docker arguments…`, output passed through (or discarded when `quiet`), stdin
    /// empty; returns the exit status (128 + N for a child killed by signal N, as a shell says).
    public func run(_ docker: String, _ arguments: [String], quiet: Bool = false) async throws(ActionError) -> Int32 {
        var childEnvironment: [Environment.Key: String] = [:]
        for (name, value) in environment where !Self.privateVariables.contains(name) {
            if let key = Environment.Key(rawValue: name) { childEnvironment[key] = value }
        }
        let status: TerminationStatus
        do {
            if quiet {
                status = try await Subprocess.run(.path(FilePath(docker)), arguments: Arguments(arguments), environment: .custom(childEnvironment),
                                                  input: .none, output: .discarded, error: .discarded).terminationStatus
            } else {
                status = try await Subprocess.run(.path(FilePath(docker)), arguments: Arguments(arguments), environment: .custom(childEnvironment),
                                                  input: .none, output: .currentStandardOutput, error: .currentStandardError).terminationStatus
            }
        } catch {
            throw .launchFailed(String(describing: error))
        }
        switch status {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        }
    }
}
