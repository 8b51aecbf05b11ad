import Foundation
import Subprocess
import SystemPackage

/// The one tmux driver of the tests: a private tmux server (its own `-L` socket) holding one
/// session, driven like a person at a terminal, read with `capture-pane`.
///
/// Every tmux command is launched with swift-subprocess, which starts the child with signal
/// dispositions reset, an empty signal mask and only descriptors 0–2: the tmux server forked
/// by `new-session` must not inherit the test process's pipes (Foundation would then never
/// see other children exit) nor a dispatch thread's all-blocked mask (the server would ignore
/// `kill-server` and SIGCHLD, and a program under it SIGWINCH).
///
/// Assertions read a settled screen: `waitForScreen` accepts a capture only when the one
/// before it was identical, since a capture can land between two of a program's writes.
public final class Tmux: Sendable {
    public static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    public static var isAvailable: Bool { executable != nil }

    public let socket: String
    public let session = "main"
    /// How long one tmux command may take before the test fails (a hang, not a speed limit).
    static let commandDeadline: Duration = .seconds(30)

    /// Starts a detached WIDTH×HEIGHT session running `command` (a shell command line).
    /// The session's programs get exactly `environment`, through the tmux server's own
    /// environment, never through a command line.
    public init(command: String, environment: [String: String], width: Int = 80, height: Int = 24) async throws {
        socket = "synq-test-\(UUID().uuidString.prefix(8))"
        try await run(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command],
                      environment: environment, capture: false)
    }

    deinit {
        // Best effort when a test forgot `close()`: the server must not outlive the run.
        let socket = self.socket
        Task.detached {
            _ = try? await Tmux.launch(socket: socket, ["kill-server"], environment: nil, capture: false)
            unlink(Tmux.socketPath(socket))
        }
    }

    /// Ends the tmux server and everything in it, and removes its socket: tmux 3.3 leaves
    /// the socket file behind after `kill-server` (a full test run left over a hundred).
    public func close() async {
        _ = try? await run(["kill-server"])
        unlink(Self.socketPath(socket))
    }

    /// Where tmux puts the socket `-L NAME` names: `$TMUX_TMPDIR/tmux-UID/NAME`.
    public static func socketPath(_ socket: String) -> String {
        "\(ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp")/tmux-\(getuid())/\(socket)"
    }

    /// Keys by tmux name ("Enter", "Escape", "C-c", "BSpace", "j").
    public func send(_ keys: String...) async throws {
        try await run(["send-keys", "-t", session] + keys)
    }

    public func send(keys: [String]) async throws {
        try await run(["send-keys", "-t", session] + keys)
    }

    /// Literal text, typed character by character (no key names), without Enter.
    public func type(_ text: String) async throws {
        try await run(["send-keys", "-t", session, "-l", text])
    }

    /// One capture of the visible screen, as text.
    public func screen() async throws -> String {
        try await run(["capture-pane", "-p", "-t", session])
    }

    /// A `#{format}` of the pane (`pane_title`, `alternate_on`…), trimmed.
    public func display(_ format: String) async throws -> String {
        try await run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .newlines)
    }

    public func resize(width: Int, height: Int) async throws {
        try await run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls until a settled screen (two identical captures in a row) satisfies `condition`;
    /// returns the last capture either way. The deadline bounds a hang; it does not measure speed.
    @discardableResult
    public func waitForScreen(timeout: Duration = .seconds(20), _ condition: (String) -> Bool) async throws -> (ok: Bool, screen: String) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var previous: String?
        var last = ""
        while clock.now < deadline {
            last = try await screen()
            if last == previous, condition(last) { return (true, last) }
            previous = last
            try await Task.sleep(for: .milliseconds(100))
        }
        return (false, last)
    }

    public func waitForScreen(containing text: String, occurrences: Int = 1, timeout: Duration = .seconds(20)) async throws -> (ok: Bool, screen: String) {
        try await waitForScreen(timeout: timeout) { $0.components(separatedBy: text).count - 1 >= occurrences }
    }

    /// Like `waitForScreen(containing:)`, but a screen that never shows `text` throws, with
    /// the last screen in the error.
    @discardableResult
    public func require(_ text: String, occurrences: Int = 1, timeout: Duration = .seconds(30)) async throws -> String {
        let result = try await waitForScreen(containing: text, occurrences: occurrences, timeout: timeout)
        guard result.ok else { throw Timeout(waitingFor: text, screen: result.screen) }
        return result.screen
    }

    /// The screen never showed what a test waited for.
    public struct Timeout: Error, CustomStringConvertible {
        public var waitingFor: String
        public var screen: String
        public var description: String { "screen never showed \"\(waitingFor)\"; last screen:\n\(screen)" }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs one tmux command on this server; its standard output.
    @discardableResult
    public func run(_ arguments: [String], environment: [String: String]? = nil, capture: Bool = true) async throws -> String {
        try await Self.launch(socket: socket, arguments, environment: environment, capture: capture)
    }

    /// `capture: false` for commands that may start the server: the forked server must not
    /// hold the read end's writer open (it redirects its own stdio, but nothing is lost by
    /// not asking it to).
    static func launch(socket: String, _ arguments: [String], environment: [String: String]?, capture: Bool) async throws -> String {
        guard let executable else { throw Failure(description: "tmux is not installed (apt-get install tmux)") }
        let base = environment ?? ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color"]
        let words = ["-L", socket] + arguments
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                var childEnvironment: [Environment.Key: String] = [:]
                for (name, value) in base {
                    if let key = Environment.Key(rawValue: name) { childEnvironment[key] = value }
                }
                let command = Arguments(words)
                if capture {
                    let result = try await Subprocess.run(.path(FilePath(executable)), arguments: command, environment: .custom(childEnvironment),
                                                          input: .none, output: .string(limit: 1 << 20), error: .discarded)
                    return result.standardOutput
                }
                _ = try await Subprocess.run(.path(FilePath(executable)), arguments: command, environment: .custom(childEnvironment),
                                             input: .none, output: .discarded, error: .discarded)
                return ""
            }
            group.addTask {
                try await Task.sleep(for: commandDeadline)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let first else { throw Failure(description: "tmux \(arguments.first ?? "") took longer than \(commandDeadline)") }
            return first
        }
    }

    public static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
