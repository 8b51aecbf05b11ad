import Foundation
import SynqTestSupport
import Testing

/// Terminals a full-screen program cannot draw on are refused up front, like an unknown TERM.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is missing; apt-get install tmux to run the terminal end-to-end tests"))
struct TerminalTypeEndToEndTests {
    /// TERM=dumb has no cursor addressing: one clear line and exit 64, the terminal untouched
    /// (it used to draw the whole UI smeared on one line and exit 0).
    @Test(arguments: ["dumb", "no-such-terminal-type"])
    func aTerminalWithoutCursorAddressingIsAUsageError(term: String) async throws {
        let tmux = try await TmuxHarness(arguments: ["demo"], environment: [:], width: 100, height: 20, term: term)
        let status = try await tmux.exitStatus(timeout: .seconds(30))
        #expect(status == 64, "exit status for TERM=\(term)")
        let screen = try await tmux.screen()
        let lines = screen.split(separator: "\n").filter { $0.hasPrefix("synq:") }
        #expect(lines.count == 1, "one error line:\n\(screen)")
        #expect(lines.first?.contains("\"\(term)\"") == true, "the line names the terminal type:\n\(screen)")
        #expect(!screen.contains("Synchronizers"), "nothing of the UI is drawn:\n\(screen)")
        #expect(tmux.sttyBefore != nil && tmux.sttyBefore == tmux.sttyAfter, "terminal modes untouched")
        await tmux.close()
    }
}
