import Foundation
import SynqTestSupport
import Testing

/// The tests' tmux driver cleans up after itself.
@Suite(.enabled(if: Tmux.isAvailable, "tmux is missing"))
struct TmuxDriverTests {
    /// tmux 3.3 leaves its socket file after `kill-server`: every end-to-end test left one.
    @Test func closingLeavesNoSocketBehind() async throws {
        let tmux = try await Tmux(command: "sleep 30", environment: ["PATH": "/usr/bin:/bin"])
        let path = Tmux.socketPath(tmux.socket)
        #expect(FileManager.default.fileExists(atPath: path), "the socket is where socketPath says")
        await tmux.close()
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
