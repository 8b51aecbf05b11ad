import Foundation
import SynqTestSupport
import Testing

/// SIGINT and crashes give the terminal back (SIGTERM and SIGHUP are in `TUIEndToEndTests`;
/// Campaigns/signals.py runs every signal against `synq tui` and `synq demo`).
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is missing; apt-get install tmux to run the terminal end-to-end tests"))
struct SignalEndToEndTests {
    /// SIGINT stops cleanly with 130 and SIGUSR1 with 138 (its default would end synq with
    /// the alternate screen still on); SIGSEGV and SIGABRT (sent with kill, as a crash would
    /// raise them) run the crash handler, which restores the terminal and dies of the signal.
    @Test(arguments: [SIGINT, SIGUSR1, SIGSEGV, SIGABRT])
    func signalRestoresTheTerminal(signal: Int32) async throws {
        try await TUIEndToEndTests.withTUI { _, tmux in
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
            #expect(try await tmux.alternateScreenOn())
            let pid = try #require(tmux.synqPid, "synq runs under timeout")
            kill(pid, signal)
            let status = try await tmux.exitStatus()
            #expect(status == 128 + signal, "exit status after signal \(signal)")
            #expect(tmux.sttyBefore != nil && tmux.sttyBefore == tmux.sttyAfter, "terminal modes restored after signal \(signal)")
            #expect(try await tmux.alternateScreenOn() == false, "the alternate screen is left")
            #expect(!(try await tmux.screen()).contains("Synchronizers ("))
        }
    }
}
