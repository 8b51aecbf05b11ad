import Foundation
import Subprocess
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// `--on-change CMD`: runs CMD with `/bin/sh -c`, one event as a JSON line on its standard
/// input, and waits for it at most `timeout` (then its whole process group is ended).
/// Started through swift-subprocess, as `DockerRunner` starts docker.
///
/// The command never sees a secret: its argv is the shell and the command the user wrote,
/// and its environment is only the variables in `passedVariables` (no API key, passphrase
/// or token). It gets standard input, output and error and no other descriptor (swift-
/// subprocess closes every other one in the child, inherited or not, so a socket or the
/// journal of synq's, or one a library opened without close-on-exec, stays behind). It
/// starts with default signal handling and an empty signal mask, in its own process group.
public struct ChangeCommand: Sendable {
    public let command: String
    public let timeout: Duration
    /// Where the command's standard output and error go: this descriptor (`synq watch`
    /// passes its standard error, so the NDJSON on standard output stays clean), or
    /// /dev/null when nil (the TUI, whose screen it must not draw on).
    public let output: Int32?
    private let environment: [Environment.Key: String]

    public static let defaultTimeout: Duration = .seconds(10)
    /// Time between asking a timed-out command to stop (SIGTERM) and killing it.
    static let killGrace: Duration = .seconds(1)

    /// The only variables the command inherits; everything else, keys included, stays behind.
    public static let passedVariables: Set<String> = [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE",
        "LC_MESSAGES", "TZ", "TMPDIR", "XDG_RUNTIME_DIR", "XDG_STATE_HOME", "XDG_CONFIG_HOME",
    ]

    /// What became of one run.
    public enum Outcome: Sendable, Hashable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case couldNotStart(String)

        public var succeeded: Bool { self == .exited(0) }
    }

    public init(command: String, timeout: Duration = defaultTimeout, output: Int32? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.command = command
        self.timeout = timeout
        self.output = output
        var passed: [Environment.Key: String] = [:]
        for (name, value) in environment where Self.passedVariables.contains(name) {
            if let key = Environment.Key(rawValue: name) { passed[key] = value }
        }
        self.environment = passed
    }

    /// Runs the command for one event; returns when it ended or was ended. Cancelling the
    /// task ends the command too.
    public func run(_ event: JournalEvent) async -> Outcome {
        guard var input = try? event.jsonData() else { return .couldNotStart("the event could not be encoded") }
        input.append(0x0A)
        let bytes = [UInt8](input)
        let sink: FileDescriptor
        if let output {
            sink = FileDescriptor(rawValue: output)
        } else {
            do {
                sink = try FileDescriptor.open("/dev/null", .writeOnly, options: .closeOnExec)
            } catch {
                return .couldNotStart("cannot open /dev/null: \(error)")
            }
        }
        defer { if output == nil { try? sink.close() } }
        let timeout = timeout
        return await withTaskGroup(of: Outcome?.self) { group in
            group.addTask { await launch(bytes, sink: sink) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            // The first to finish: the command (its outcome) or the clock (nil). Cancelling
            // the other runs the command's teardown when the clock won.
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .timedOut
        }
    }

    /// Starts the command, writes the event and waits for the command's end; on
    /// cancellation ends its process group (SIGTERM, then SIGKILL after `killGrace`).
    private func launch(_ bytes: [UInt8], sink: FileDescriptor) async -> Outcome {
        var options = PlatformOptions()
        // Its own process group, so the teardown reaches whatever the command started.
        options.processGroupID = 0
        options.teardownSequence = [
            .gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: Self.killGrace),
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(100)),
        ]
        do {
            let result = try await Subprocess.run(
                .path(FilePath("/bin/sh")), arguments: ["-c", command], environment: .custom(environment),
                platformOptions: options, input: .inputWriter,
                output: .fileDescriptor(sink, closeAfterSpawningProcess: false),
                error: .fileDescriptor(sink, closeAfterSpawningProcess: false)
            ) { execution in
                // A command that exits without reading its input is not a failure of synq's.
                _ = try? await execution.standardInputWriter.write(bytes)
                try? await execution.standardInputWriter.finish()
            }
            switch result.terminationStatus {
            case .exited(let code): return .exited(code)
            case .signaled(let signal): return .signalled(signal)
            }
        } catch {
            return Task.isCancelled ? .timedOut : .couldNotStart(String(describing: error))
        }
    }
}

extension ChangeCommand.Outcome: CustomStringConvertible {
    public var description: String {
        switch self {
        case .exited(let code): "exited with status \(code)"
        case .signalled(let signal): "was killed by signal \(signal)"
        case .timedOut: "did not finish in time and was stopped"
        case .couldNotStart(let reason): "could not start: \(reason)"
        }
    }
}
