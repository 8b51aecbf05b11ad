import Foundation
import SynqTestSupport
import Testing

/// Ctrl-Z suspends as in every full-screen program: the terminal is given back (normal
/// screen, the shell's modes), the shell says "Stopped", and `fg` brings the fleet back,
/// redrawn. Under an interactive bash, since job control is the shell's.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable && FileManager.default.isExecutableFile(atPath: "/bin/bash"),
                             "tmux or bash is missing; apt-get install tmux to run the terminal end-to-end tests"))
struct SuspendEndToEndTests {
    @Test(arguments: ["keys", "signal"])
    func ctrlZSuspendsAndFgResumes(how: String) async throws {
        try await TUIEndToEndTests.withTUI(jobControl: true) { _, tmux in
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
            let pid = try #require(tmux.synqPid)
            if how == "keys" { try await tmux.send("C-z") } else { kill(pid, SIGTSTP) }
            let stopped = try await tmux.waitForScreen { $0.contains("Stopped") }
            #expect(stopped.ok, "the shell reports the job stopped:\n\(stopped.screen)")
            #expect(try await tmux.alternateScreenOn() == false, "the alternate screen is left while stopped")
            #expect(!stopped.screen.contains("Synchronizers ("))
            try await tmux.type("fg")
            try await tmux.send("Enter")
            let back = try await tmux.waitForScreen { $0.contains("Synchronizers (40)") }
            #expect(back.ok, "fg redraws the fleet:\n\(back.screen)")
            #expect(try await tmux.alternateScreenOn())
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
            #expect(tmux.sttyBefore != nil && tmux.sttyBefore == tmux.sttyAfter, "terminal modes restored")
        }
    }
}
