import Foundation
import SynqTestSupport

/// A private tmux server running one command in a real terminal, for driving prompts.
final class TmuxSession: Sendable {
    let socket: String
    let session = "synq"

    /// Starts `command` (run by /bin/sh) in a 120×40 pane with exactly `environment`.
    init(command: String, environment: [String: String]) throws {
        socket = "synq-test-\(UUID().uuidString.prefix(8))"
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "120", "-y", "40"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        arguments.append(command)
        try tmux(arguments)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        // Foundation notices a child's exit when the child's copy of a private socket closes.
        // The tmux server forked by `new-session` would inherit that socket and keep it open
        // for its whole life, so close every inherited descriptor above 2 before exec.
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c", "for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ \"$fd\" -gt 2 ]; then eval \"exec $fd>&-\"; fi; done 2>/dev/null; exec /usr/bin/tmux \"$@\"",
            "tmux", "-L", socket,
        ] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "TMUX": ""]
        // A file, not a pipe: `new-session` forks the server, which would hold a pipe open
        // and make reading it wait forever.
        let scratch = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: scratch.path("out"), contents: nil)
        let output = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("out"))
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? output.close()
        return TestHome.contents(scratch.path("out"))
    }

    /// The visible screen, as text.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// Types text literally (no key names), without Enter.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    /// Sends key names: "Enter", "C-c", "BSpace".
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Waits until the screen contains `text` (bounded; the test fails if it never does).
    @discardableResult
    func waitFor(_ text: String, occurrences: Int = 1, timeout: Duration = .seconds(30)) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var last = ""
        while clock.now < deadline {
            last = try screen()
            if last.components(separatedBy: text).count - 1 >= occurrences { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxTimeout(waitingFor: text, screen: last)
    }
}

/// The screen never showed what a test waited for.
struct TmuxTimeout: Error, CustomStringConvertible {
    var waitingFor: String
    var screen: String
    var description: String { "screen never showed \"\(waitingFor)\"; last screen:\n\(screen)" }
}
