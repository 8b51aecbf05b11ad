import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The `trickle` fault: the real answer, its body one byte per interval, so a client's total
/// deadline can be tested against a server that never goes quiet long enough to look idle.
@Suite(.timeLimit(.minutes(1)))
struct TrickleTests {
    static let list = "GET /api/synq-keys/enterprise/synchronizers"
    /// An empty fleet keeps the body short: `{"success":true,"synchronizers":[]}`.
    static let emptyFleet = SandboxConfiguration.forTesting(fleetSize: 0)

    @Test func theRealBodyArrivesOneBytePerInterval() async throws {
        try await withSandbox(Self.emptyFleet) { sandbox in
            let plain = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey])
            try await sandbox.inject(FaultRule(route: Self.list, kind: .trickle, count: 1, intervalMs: 20))
            let started = ContinuousClock.now
            let trickled = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey])
            let took = ContinuousClock.now - started
            #expect(trickled.status == 200)
            #expect(trickled.body == plain.body, "the same bytes, only slower")
            #expect(trickled.header("Content-Length") == String(plain.body.count))
            #expect(took >= .milliseconds(20 * (plain.body.count - 1)), "one byte per 20 ms: \(plain.body.count) bytes took \(took)")
        }
    }

    @Test func theFirstBytesArriveAtOnce() async throws {
        try await withSandbox(Self.emptyFleet) { sandbox in
            try await sandbox.inject(FaultRule(route: Self.list, kind: .trickle, count: 1, intervalMs: 60_000))
            let connection = try LoopbackConnection(port: sandbox.port)
            try connection.send("GET /api/synq-keys/enterprise/synchronizers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Enterprise-API-Key: \(SandboxCredentials.demoEnterpriseKey)\r\n\r\n")
            let head = try await connection.read(until: "\r\n\r\n", timeout: .seconds(5))
            #expect(head.hasPrefix("HTTP/1.1 200"))
            let first = try await connection.read(bytes: 1, timeout: .seconds(5))
            #expect(first == "{")
            await sandbox.faults.clear()
        }
    }

    @Test func clearingTheFaultsSendsTheRestAtOnce() async throws {
        try await withSandbox(Self.emptyFleet) { sandbox in
            let client = try sandbox.enterprise(timeout: 30)
            try await sandbox.inject(FaultRule(route: Self.list, kind: .trickle, count: 1, intervalMs: 60_000))
            let started = ContinuousClock.now
            let request = Task { try await client.listSynchronizers() }
            #expect(await eventually { await sandbox.faults.active.isEmpty }, "the request took the rule")
            try await Task.sleep(for: .milliseconds(200))
            let cleared = try await sandbox.raw("DELETE", "/__sandbox/faults")
            #expect(cleared.status == 200)
            let list = try await request.value
            #expect(list.synchronizers.isEmpty)
            #expect(ContinuousClock.now - started < .seconds(10), "released, not trickled out")
        }
    }
}
