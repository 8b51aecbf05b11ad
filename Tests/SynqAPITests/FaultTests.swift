import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// How the clients meet each injected fault, armed through the control route.
@Suite struct FaultTests {
    static let list = "GET /api/synq-keys/enterprise/synchronizers"

    @Test func latencyPastTheClientTimeoutIsATimeout() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: Self.list, kind: .latency, latencyMs: 5_000, count: 1))
            let error = await failure { try await sandbox.enterprise(timeout: 0.5).listSynchronizers() }
            #expect(error == .transport(.enterprise, .timeout))
        }
    }

    @Test func latencyWithinTheTimeoutStillAnswers() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: Self.list, kind: .latency, latencyMs: 200, count: 1))
            #expect(try await sandbox.enterprise().listSynchronizers().synchronizers.count == SandboxConfiguration.defaultFleetSize)
        }
    }

    @Test(arguments: [500, 502, 503])
    func serverStatusesAreServerErrors(status: Int) async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: "*", kind: .status, status: status, count: 2))
            let enterprise = await failure { try await sandbox.enterprise().listSynchronizers() }
            guard case .server(.enterprise, status, let message) = enterprise else {
                Issue.record("expected server error, got \(String(describing: enterprise))")
                return
            }
            #expect(message?.isEmpty == false)
            let synvo = await failure { try await sandbox.synvo().listKeys() }
            guard case .server(.synvo, status, _) = synvo else {
                Issue.record("expected server error, got \(String(describing: synvo))")
                return
            }
        }
    }

    @Test func aStatusFaultUsesEachAPIsErrorShape() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: "*", kind: .status, status: 503))
            let enterprise = try await sandbox.raw("GET", "/api/synq-keys/enterprise/preferences", headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey])
            #expect(enterprise.status == 503)
            #expect(enterprise.json?["success"] as? Bool == false)
            let synvo = try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey])
            #expect(synvo.status == 503)
            #expect(synvo.json?["code"] as? String == "SERVICE_UNAVAILABLE")
            #expect(synvo.header("X-RateLimit-Remaining") != nil)
        }
    }

    @Test(arguments: [FaultKind.malformed, .truncated, .wrongType])
    func unreadableBodiesAreUndecodable(kind: FaultKind) async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: "*", kind: kind))
            for error in [
                await failure { try await sandbox.enterprise().listSynchronizers() },
                await failure { try await sandbox.enterprise().preferences() },
                await failure { try await sandbox.synvo().listKeys() },
            ] {
                guard case .undecodable(_, 200, let excerpt) = error else {
                    Issue.record("expected undecodable, got \(String(describing: error))")
                    continue
                }
                #expect(!excerpt.isEmpty)
                #expect(!excerpt.contains(SandboxCredentials.demoEnterpriseKey) && !excerpt.contains(SandboxCredentials.demoSynvoKey))
            }
        }
    }

    @Test func truncatedBodyKeepsAMatchingContentLength() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: Self.list, kind: .truncated, count: 1))
            let raw = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey])
            #expect(raw.status == 200)
            #expect(raw.header("Content-Length") == String(raw.body.count))
            #expect(raw.body.first == UInt8(ascii: "{"))
            #expect(raw.json == nil)
        }
    }

    @Test func aWrongTypedFieldInsideRowsIsSkippedNotFatal() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: Self.list, kind: .wrongType, count: 1, field: "isEnabled"))
            let list = try await sandbox.enterprise().listSynchronizers()
            #expect(list.synchronizers.isEmpty)
            #expect(list.skipped == SandboxConfiguration.defaultFleetSize)
            try await sandbox.inject(FaultRule(route: "GET /user/api_keys/list", kind: .wrongType, count: 1, field: "status"))
            let keys = try await sandbox.synvo().listKeys().value
            #expect(!keys.items.isEmpty && keys.items.allSatisfy { $0.status == .unknown })
        }
    }

    @Test(arguments: [FaultKind.drop, .hang])
    func noAnswerIsATransportError(kind: FaultKind) async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: "*", kind: kind, count: 2))
            let enterprise = await failure { try await sandbox.enterprise(timeout: 1).listSynchronizers() }
            guard case .transport(.enterprise, let reason) = enterprise else {
                Issue.record("expected a transport error, got \(String(describing: enterprise))")
                return
            }
            if kind == .hang { #expect(reason == .timeout) }
            let synvo = await failure { try await sandbox.synvo(timeout: 1).createKey(name: "never") }
            guard case .transport(.synvo, _) = synvo else {
                Issue.record("expected a transport error, got \(String(describing: synvo))")
                return
            }
        }
    }

    @Test func aLargeBodyStillDecodes() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: Self.list, kind: .large, count: 1, bytes: 20 * 1_048_576))
            let raw = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey])
            #expect(raw.body.count >= 20 * 1_048_576)
            try await sandbox.inject(FaultRule(route: Self.list, kind: .large, count: 1, bytes: 20 * 1_048_576))
            let list = try await sandbox.enterprise().listSynchronizers()
            #expect(list.synchronizers.count == SandboxConfiguration.defaultFleetSize)
        }
    }

    @Test func aBodyPastTheClientCapIsRefused() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: Self.list, kind: .large, count: 1, bytes: 4 * 1_048_576))
            let error = await failure { try await sandbox.enterprise(maxResponseBytes: 1_048_576).listSynchronizers() }
            #expect(error == .transport(.enterprise, .responseTooLarge(limit: 1_048_576)))
        }
    }

    @Test func aCountedFaultStopsAfterItsCount() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(FaultRule(route: Self.list, kind: .status, status: 502, count: 2))
            for _ in 0..<2 {
                let error = await failure { try await sandbox.enterprise().listSynchronizers() }
                #expect(error == .server(.enterprise, status: 502, message: "Bad Gateway"))
            }
            #expect(try await sandbox.enterprise().listSynchronizers().synchronizers.count == SandboxConfiguration.defaultFleetSize)
            // Other routes were never affected.
            #expect(try await sandbox.enterprise().preferences().success)
        }
    }
}
