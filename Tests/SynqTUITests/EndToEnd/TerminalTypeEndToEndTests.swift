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

    /// TERM=vt100 describes no PgUp or PgDn, but the terminal (tmux here, as any modern one)
    /// sends xterm's `Esc [6~`: it must page help, not close it with its Esc (it did).
    @Test func pageDownOnAVT100PagesHelpInsteadOfClosingIt() async throws {
        let tmux = try await TmuxHarness(arguments: ["demo"], environment: [:], width: 80, height: 24, term: "vt100")
        #expect(try await tmux.waitForScreen(containing: "Synchronizers (").ok)
        try await tmux.send("?")
        let help = try await tmux.waitForScreen { Self.firstHelpLine($0) == 1 }
        #expect(help.ok, "help scrolls at 80x24:\n\(help.screen)")
        try await tmux.send("NPage")
        let paged = try await tmux.waitForScreen { (Self.firstHelpLine($0) ?? 0) > 1 }
        #expect(paged.ok, "PgDn paged help:\n\(paged.screen)")
        let pagedLine = Self.firstHelpLine(paged.screen) ?? 0
        try await tmux.send("PPage")
        let back = try await tmux.waitForScreen { (Self.firstHelpLine($0) ?? .max) < pagedLine }
        #expect(back.ok, "PgUp paged back:\n\(back.screen)")
        try await tmux.send("Escape")
        #expect(try await tmux.waitForScreen { Self.firstHelpLine($0) == nil }.ok, "Esc alone still closes help")
        try await tmux.send("q")
        #expect(try await tmux.exitStatus(timeout: .seconds(30)) == 0)
        await tmux.close()
    }

    /// vt100 and the Linux console have no alternate screen: what synq drew (names, keys)
    /// stayed on the terminal under the shell's prompt after q.
    @Test func quittingATerminalWithoutAnAlternateScreenLeavesItClear() async throws {
        let tmux = try await TmuxHarness(arguments: ["demo"], environment: [:], width: 80, height: 24, term: "vt100")
        #expect(try await tmux.waitForScreen(containing: "Synchronizers (").ok)
        try await tmux.send("q")
        #expect(try await tmux.exitStatus(timeout: .seconds(30)) == 0)
        let screen = try await tmux.settledScreen()
        #expect(!screen.contains("Synchronizers ("), "the last frame is gone:\n\(screen)")
        #expect(tmux.sttyBefore != nil && tmux.sttyBefore == tmux.sttyAfter, "terminal modes restored")
        await tmux.close()
    }

    /// The first line help shows, from its scroll mark ("lines 34–60 of 85"); nil when no help is open.
    static func firstHelpLine(_ screen: String) -> Int? {
        guard let range = screen.range(of: "lines ") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }
}
