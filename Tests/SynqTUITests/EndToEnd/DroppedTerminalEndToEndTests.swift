import Foundation
import SynqTestSupport
import Testing

/// A terminal that goes away ends synq, whatever is on screen: with the one-time key window
/// open the key is lost either way (there is no one left to show it to), and a synq left
/// running would hold its sandbox port and the user's session forever.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is missing; apt-get install tmux to run the terminal end-to-end tests"))
struct DroppedTerminalEndToEndTests {
    /// `kill-server` closes the pane's pty: the kernel hangs up the session (SIGHUP) and
    /// every later read or write on the terminal fails. Not under `timeout`, which would
    /// forward a second SIGHUP (and a second stop signal always ended synq).
    @Test func killingTheSessionWithTheKeyWindowOpenEndsSynq() async throws {
        try await TUIEndToEndTests.withTUI(bounded: false) { _, tmux in
            try await Self.openKeyWindow(tmux)
            let pid = try #require(tmux.synqPid, "synq runs under timeout")
            await tmux.close()
            let gone = await Self.waitUntilGone(pid, timeout: .seconds(10))
            if !gone { kill(pid, SIGKILL) }
            #expect(gone, "synq (pid \(pid)) still runs 10 s after its terminal went away")
        }
    }

    /// A stop signal ends synq with the key window open too (the window's own Escape/q
    /// asks first; a signal does not ask).
    @Test(arguments: [SIGTERM, SIGHUP])
    func aStopSignalWithTheKeyWindowOpenEndsSynq(signal: Int32) async throws {
        try await TUIEndToEndTests.withTUI { _, tmux in
            try await Self.openKeyWindow(tmux)
            let pid = try #require(tmux.synqPid, "synq runs under timeout")
            kill(pid, signal)
            let status = try await tmux.exitStatus(timeout: .seconds(10))
            if status == nil { kill(pid, SIGKILL) }
            #expect(status == 128 + signal)
            #expect(tmux.sttyBefore != nil && tmux.sttyBefore == tmux.sttyAfter, "terminal modes restored")
            #expect(try await tmux.alternateScreenOn() == false, "the alternate screen is left")
        }
    }

    /// Creates a Synvo key: the one-time key window is then on screen.
    static func openKeyWindow(_ tmux: TmuxHarness) async throws {
        #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
        try await tmux.send("3")
        #expect(try await tmux.waitForScreen(containing: "Synvo keys (").ok)
        try await tmux.send("n")
        #expect(try await tmux.waitForScreen(containing: "New Synvo key name").ok)
        try await tmux.send("Enter")
        #expect(try await tmux.waitForScreen { $0.contains("Shown only once") }.ok)
    }

    /// True once `pid` has exited (gone, or a zombie nobody has reaped yet).
    static func waitUntilGone(_ pid: Int32, timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            if state == "Z" || state == "X" { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
