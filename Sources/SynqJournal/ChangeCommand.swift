import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `--on-change CMD`: runs CMD with `/bin/sh -c`, one event as a JSON line on its standard
/// input, and waits for it at most `timeout` (then its whole process group is ended).
///
/// The command never sees a secret: its argv is the shell and the command the user wrote,
/// and its environment is only the variables in `passedVariables` (no API key, passphrase
/// or token). It starts with default signal handling, in its own process group; synq's
/// own descriptors (sockets, the journal) are close-on-exec and stay behind.
public struct ChangeCommand: Sendable {
    public let command: String
    public let timeout: Duration
    /// Where the command's standard output and error go: this descriptor (`synq watch`
    /// passes its standard error, so the NDJSON on standard output stays clean), or
    /// /dev/null when nil (the TUI, whose screen it must not draw on).
    public let output: Int32?
    private let environment: [String]

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
        self.environment = environment
            .filter { Self.passedVariables.contains($0.key) }
            .map { "\($0.key)=\($0.value)" }
            .sorted()
    }

    /// Runs the command for one event; returns when it ended or was ended. Cancelling the
    /// task ends the command too.
    public func run(_ event: JournalEvent) async -> Outcome {
        guard var input = try? event.jsonData() else { return .couldNotStart("the event could not be encoded") }
        input.append(0x0A)
        let spawned = spawn()
        guard case .success(let (pid, socket)) = spawned else {
            if case .failure(let reason) = spawned { return .couldNotStart(reason.text) }
            return .couldNotStart("unknown")
        }
        Self.send(input, to: socket)
        return await wait(for: pid)
    }

    /// A spawn failure as words.
    struct SpawnFailure: Error {
        var text: String
    }

    /// Starts `/bin/sh -c command` in its own process group, its standard input one end of
    /// a socket pair (writes to a reader that went away fail with EPIPE, never SIGPIPE).
    private func spawn() -> Result<(pid_t, Int32), SpawnFailure> {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            return .failure(SpawnFailure(text: "cannot create a pipe: \(String(cString: strerror(errno)))"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        if let output {
            posix_spawn_file_actions_adddup2(&actions, output, 1)
            posix_spawn_file_actions_adddup2(&actions, output, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        close(pair[1])
        guard rc == 0 else {
            close(pair[0])
            return .failure(SpawnFailure(text: "cannot start /bin/sh: \(String(cString: strerror(rc)))"))
        }
        return .success((pid, pair[0]))
    }

    /// Writes the event without blocking (it is far smaller than a socket buffer), then
    /// closes synq's end so the command sees end of file.
    private static func send(_ data: Data, to socket: Int32) {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break }
                offset += written
            }
        }
        close(socket)
    }

    /// Polls for the command's end (every few milliseconds, off no thread), ending its
    /// process group at the deadline or on cancellation.
    private func wait(for pid: pid_t) async -> Outcome {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let outcome = Self.reap(pid) { return outcome }
            if clock.now >= deadline || Task.isCancelled { break }
            try? await Task.sleep(for: .milliseconds(10))
        }
        kill(-pid, SIGTERM)
        let killAt = clock.now.advanced(by: Self.killGrace)
        var reaped = false
        while clock.now < killAt, !reaped {
            reaped = Self.reap(pid) != nil
            if !reaped { usleep(10_000) }
        }
        // Whatever of the group is left (a child that ignores SIGTERM). The group id cannot be
        // reused while any member lives, so this reaches only the command's own processes.
        kill(-pid, SIGKILL)
        if !reaped {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        return .timedOut
    }

    /// The outcome if the process has ended (and is now reaped), else nil.
    private static func reap(_ pid: pid_t) -> Outcome? {
        var status: Int32 = 0
        let rc = waitpid(pid, &status, WNOHANG)
        if rc == 0 || (rc < 0 && errno == EINTR) { return nil }
        if rc < 0 { return .exited(-1) }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
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
