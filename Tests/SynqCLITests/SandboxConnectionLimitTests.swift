import Foundation
import SynqSandbox
import SynqTestSupport
import Testing

/// 400 connections that never send a request must not lock a sandbox limited to 256
/// descriptors out of its own port: the idle timeout closes them and it serves again.
@Suite(.timeLimit(.minutes(2)))
struct SandboxConnectionLimitTests {
    @Test func halfOpenConnectionsCannotStarveTheSandbox() async throws {
        let sandbox = try await SandboxProcess(["--fleet-size", "3", "--idle-timeout", "1"], shellPrefix: "ulimit -n 256")
        var idle: [LoopbackConnection] = []
        for _ in 0..<400 { idle.append(try LoopbackConnection(port: sandbox.port)) }
        let client = try LoopbackConnection(port: sandbox.port)
        try client.send("GET /__sandbox/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let head = try await client.read(until: "\r\n\r\n", timeout: .seconds(20))
        #expect(head.hasPrefix("HTTP/1.1 200"))
        await sandbox.stop()
        idle.removeAll()
    }
}
