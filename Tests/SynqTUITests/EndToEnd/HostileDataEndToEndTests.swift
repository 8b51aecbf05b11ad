import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// Server text with terminal escapes, through the real binary in a real terminal: it must
/// show as visible escapes and drive nothing (Campaigns/hostile.py runs the long version).
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is missing; apt-get install tmux to run the terminal end-to-end tests"))
struct HostileDataEndToEndTests {
    /// One synchronizer whose name sets the window title (OSC 0 and OSC 2), clears the
    /// screen, turns on blinking red and sends an 8-bit CSI; the key carries OSC 52.
    static let hostileList = #"""
        {"success":true,"synchronizers":[{"id":"h1\u001b[2J","key":"k\u001b]52;c;cHduZWQ=\u0007","isEnabled":true,
        "name":"evil\u001b]0;PWNED\u0007\u001b]2;PWNED2\u001b\\\u001b[2J\u001b[5;31mred\u009b1m\u202e"}]}
        """#

    @Test func hostileNamesShowAsEscapesAndDriveNothing() async throws {
        try await TUIEndToEndTests.withTUI { sandbox, tmux in
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
            try await tmux.setPaneTitle("synq-e2e-title")
            try await sandbox.inject(FaultRule(route: "GET /api/synq-keys/enterprise/synchronizers", kind: .body,
                                               bodyBase64: Data(Self.hostileList.utf8).base64EncodedString()))
            let shown = try await tmux.waitForScreen(containing: #"evil\x1b]0;PWNED\x07"#)
            #expect(shown.ok, "the escapes are visible:\n\(shown.screen)")
            #expect(shown.screen.contains("Synchronizers (1)"), "the frame was not cleared")
            #expect(shown.screen.contains(#"k\x1b]52;"#), "the key's OSC 52 is visible too")
            try await Task.sleep(for: .milliseconds(1500))  // a refresh redraws the row
            #expect(try await tmux.paneTitle() == "synq-e2e-title", "no OSC reached the terminal")
            #expect(try await tmux.alternateScreenOn())
            let pid = try #require(tmux.synqPid)
            #expect(kill(pid, 0) == 0, "synq is still running")
            try await tmux.send("?")
            #expect(try await tmux.waitForScreen(containing: "Help").ok, "and still answers keys")
            try await tmux.send("Escape")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
            #expect(tmux.sttyBefore != nil && tmux.sttyBefore == tmux.sttyAfter)
        }
    }
}
