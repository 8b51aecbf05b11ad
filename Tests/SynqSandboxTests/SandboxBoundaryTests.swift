import Foundation
import SynqAPI
@testable import SynqSandbox
import SynqTestSupport
import Testing

/// What a hostile peer or page can do to the sandbox: control requests from a browser, a
/// flood of made-up keys, connections that never finish a request, a readable database file.
@Suite(.timeLimit(.minutes(2)))
struct SandboxBoundaryTests {
    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", nil])
    func controlPostsMustBeJSON(contentType: String?) async throws {
        try await withSandbox { sandbox in
            let headers = contentType.map { ["Content-Type": $0] } ?? [:]
            let arm = try await sandbox.raw("POST", "/__sandbox/faults", headers: headers, body: #"{"route":"*","kind":"drop"}"#)
            #expect(arm.status == 415)
            #expect(await sandbox.faults.active.isEmpty, "nothing armed")
            try await sandbox.faults.add(FaultRule(kind: .latency, latencyMs: 0))
            let reset = try await sandbox.raw("POST", "/__sandbox/reset", headers: headers)
            #expect(reset.status == 415)
            #expect(await sandbox.faults.active.count == 1, "nothing reset")
        }
    }

    @Test func theRateLimiterTracksABoundedNumberOfKeys() async {
        let limiter = RateLimiter(limit: 2, window: .seconds(3600), maxTrackedKeys: 100, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        _ = await limiter.spend("the real key")
        for index in 0..<5_000 { _ = await limiter.spend("made-up-\(index)") }
        #expect(await limiter.trackedKeys <= 101)
        #expect(await limiter.spend("the real key").allowed, "a key tracked before the flood keeps its own budget")
        #expect(await !limiter.spend("the real key").allowed)
    }

    @Test func aDatabaseFileIsCreatedPrivate() async throws {
        let scratch = try TemporaryDirectory()
        var configuration = SandboxConfiguration.forTesting()
        configuration.databasePath = scratch.path("sandbox.sqlite")
        let previous = umask(0o022)
        defer { umask(previous) }
        try await withSandbox(configuration) { sandbox in
            _ = try await sandbox.enterprise().createSynchronizer(name: "written")
            for name in try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) where name.hasPrefix("sandbox.sqlite") {
                let mode = try #require(try FileManager.default.attributesOfItem(atPath: scratch.path(name))[.posixPermissions] as? Int)
                #expect(mode & 0o077 == 0, "\(name) is mode \(String(mode, radix: 8))")
            }
        }
    }

    @Test func aConnectionThatNeverFinishesItsRequestIsClosed() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.idleTimeout = .milliseconds(500)
        try await withSandbox(configuration) { sandbox in
            let silent = try LoopbackConnection(port: sandbox.port)
            let slow = try LoopbackConnection(port: sandbox.port)
            try slow.send("GET /api/synq-keys/enterprise/synchronizers HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            #expect(try await silent.isClosedByServer(within: .seconds(5)))
            #expect(try await slow.isClosedByServer(within: .seconds(5)))
        }
    }

    @Test func aHeldRequestIsNotCutByTheIdleTimeout() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.idleTimeout = .milliseconds(300)
        try await withSandbox(configuration) { sandbox in
            try await sandbox.inject(FaultRule(route: "GET /api/synq-keys/enterprise/synchronizers", kind: .latency, latencyMs: 1500, count: 1))
            let list = try await sandbox.enterprise().listSynchronizers()
            #expect(list.synchronizers.count == SandboxConfiguration.defaultFleetSize)
        }
    }

    @Test func byDefaultOnlyDocumentedStatusesAreServed() async throws {
        try await withSandbox { sandbox in
            let raw = try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey])
            let statuses = Set(try #require(raw.json?["items"] as? [[String: Any]]).compactMap { $0["status"] as? String })
            #expect(statuses == ["ACTIVE", "REVOKED", "DISABLED", "UNKNOWN"])
            let expired = await failure { try await sandbox.synvo(key: SandboxCredentials.expiredSynvoKey).listKeys() }
            #expect(expired == .unauthorized(.synvo, message: "Invalid API key", code: .invalidAPIKey), "no EXPIRED key unless asked for")
        }
    }
}
