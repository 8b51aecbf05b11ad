import Foundation

/// Finds `docker` on PATH and runs it. The synq key is never an argument: it reaches the
/// container through a 0600 env file (`--env-file`), because any local user can read a
/// process's arguments in /proc. Credentials of synq itself are removed from the child's
/// environment.
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

    /// Runs `docker arguments…`, output passed through; returns the exit status.
    public func run(_ docker: String, _ arguments: [String], quiet: Bool = false) throws(ActionError) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: docker)
        process.arguments = arguments
        process.environment = environment.filter { !Self.privateVariables.contains($0.key) }
        process.standardInput = FileHandle.nullDevice
        if quiet {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            throw .launchFailed(error.localizedDescription)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
