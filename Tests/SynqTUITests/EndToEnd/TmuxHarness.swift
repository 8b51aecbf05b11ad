import Foundation
import SynqTestSupport

/// Runs the real `synq` binary inside a detached tmux session on a private socket, so a
/// test can type keys and read the screen like a person at a terminal.
///
/// The session runs a small shell script that records `stty -a` before and after synq,
/// and synq's exit status, then stays open so the screen can still be read. `timeout`
/// bounds synq and `sleep` the session, so a test runner that dies leaves nothing behind
/// for long.
/// The terminal itself is the test support's one tmux driver, `Tmux`.
final class TmuxHarness: Sendable {
    static var isAvailable: Bool { Tmux.isAvailable }

    let tmux: Tmux
    let directory: TemporaryDirectory
    let bounded: Bool

    /// Starts `synq ARGUMENTS` in a WIDTH×HEIGHT window. `environment` reaches synq through
    /// the tmux server's environment, never through a command line; `term` replaces the TERM
    /// tmux gives the pane. `bounded: false` runs synq without `timeout` around it, for tests
    /// where timeout's own signal forwarding would change the outcome (it forwards a SIGHUP
    /// it gets, so synq would see two). `jobControl: true` runs synq as a job of an
    /// interactive bash, as a person would (Ctrl-Z, `fg`); it implies `bounded: false`.
    init(arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24, term: String? = nil,
         bounded: Bool = true, jobControl: Bool = false) async throws {
        directory = try TemporaryDirectory()
        self.bounded = bounded && !jobControl
        let quoted = ((self.bounded ? ["timeout", "--foreground", "300"] : []) + [SynqBinary.url.path] + arguments)
            .map(Self.shellQuote).joined(separator: " ")
        // With job control the whole line is one job (a subshell), so a stop holds all of it.
        // stty-after is written before synq.status, as in the script below: a test reads the
        // modes once it sees the status, and must never find them missing or half written.
        let jobLine = "stty -a > stty-before; ( sh -c 'echo $$ > synq.pid; exec \(quoted.replacingOccurrences(of: "'", with: "'\\''"))'; "
            + "code=$?; stty -a > stty-after; echo $code > synq.status )"
        let script = jobControl ? """
            #!/bin/sh
            cd \(Self.shellQuote(directory.url.path))
            PS1='$ ' exec bash --norc --noprofile -i
            """ : """
            #!/bin/sh
            cd \(Self.shellQuote(directory.url.path))
            stty -a > stty-before
            \(term.map { "export TERM=" + Self.shellQuote($0) } ?? "")
            sh -c 'echo $$ > synq.pid; exec \(quoted.replacingOccurrences(of: "'", with: "'\\''"))'
            code=$?
            stty -a > stty-after
            echo $code > synq.status
            exec sleep 120
            """
        let scriptPath = directory.path("run.sh")
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "HOME": directory.url.path, "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        env.merge(environment) { _, new in new }
        tmux = try await Tmux(command: "sh " + Self.shellQuote(scriptPath), environment: env, width: width, height: height)
        if jobControl {
            try await type(jobLine)
            try await send("Enter")
        }
    }

    /// Keys by tmux name ("Enter", "Escape", "Tab", "j").
    func send(_ keys: String...) async throws {
        try await tmux.send(keys: keys)
    }

    /// Literal text, typed character by character.
    func type(_ text: String) async throws {
        try await tmux.type(text)
    }

    /// One capture; assertions use `waitForScreen`, which reads a settled screen.
    func screen() async throws -> String {
        try await tmux.screen()
    }

    /// The pane's title, which a program can set with OSC 0 or OSC 2.
    func paneTitle() async throws -> String {
        try await tmux.display("#{pane_title}")
    }

    func setPaneTitle(_ title: String) async throws {
        try await tmux.run(["select-pane", "-t", tmux.session, "-T", title])
    }

    /// Whether the pane shows the alternate screen (a full-screen program is drawing).
    func alternateScreenOn() async throws -> Bool {
        try await tmux.display("#{alternate_on}") == "1"
    }

    /// Whether the program rang the terminal bell (tmux flags the window of a detached session).
    func bellRang() async throws -> Bool {
        try await tmux.display("#{window_bell_flag}") == "1"
    }

    func resize(width: Int, height: Int) async throws {
        try await tmux.resize(width: width, height: height)
    }

    /// Polls until a settled screen (two identical captures in a row) satisfies `condition`;
    /// returns the last screen either way. The deadline bounds a hang, it does not measure speed.
    @discardableResult
    func waitForScreen(timeout: Duration = .seconds(20), _ condition: (String) -> Bool) async throws -> (ok: Bool, screen: String) {
        try await tmux.waitForScreen(timeout: timeout, condition)
    }

    func waitForScreen(containing text: String, timeout: Duration = .seconds(20)) async throws -> (ok: Bool, screen: String) {
        try await tmux.waitForScreen(containing: text, timeout: timeout)
    }

    /// The screen once two captures agree (the driver's settled rule); the last capture if
    /// it never settles before the deadline.
    func settledScreen(timeout: Duration = .seconds(20)) async throws -> String {
        try await tmux.waitForScreen(timeout: timeout) { _ in true }.screen
    }

    /// synq's exit status once it has exited, waiting for it.
    func exitStatus(timeout: Duration = .seconds(20)) async throws -> Int32? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if let text = try? String(contentsOfFile: directory.path("synq.status"), encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    /// `stty -a` output without the window size, for comparing modes across a resize.
    static func modes(_ stty: String?) -> String? {
        stty?.replacingOccurrences(of: #"rows \d+; columns \d+;"#, with: "", options: .regularExpression)
    }

    var sttyBefore: String? { try? String(contentsOfFile: directory.path("stty-before"), encoding: .utf8) }
    var sttyAfter: String? { try? String(contentsOfFile: directory.path("stty-after"), encoding: .utf8) }

    var pid: Int32? {
        (try? String(contentsOfFile: directory.path("synq.pid"), encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// synq's own pid: `pid` is `timeout`'s, which runs synq as its only child.
    var synqPid: Int32? {
        guard let pid else { return nil }
        if !bounded { return pid }
        let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
        return children?.split(separator: " ").first.flatMap { Int32($0) }
    }

    func close() async {
        await tmux.close()
    }

    static func shellQuote(_ text: String) -> String { Tmux.shellQuote(text) }
}
