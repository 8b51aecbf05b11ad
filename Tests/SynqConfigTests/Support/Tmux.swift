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
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-L", socket] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "TMUX": ""]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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
