import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// Every Synvo API call, error code and rate-limit header, over real HTTP against the sandbox.
@Suite struct SynvoClientTests {
    @Test func listsKeysInEveryStatus() async throws {
        try await withSandbox { sandbox in
            let result = try await sandbox.synvo().listKeys()
            let items = result.value.items
            #expect(result.value.success)
            #expect(result.value.skipped == 0)
            #expect(Set(items.map(\.status)) == Set(SynvoKeyStatus.allCases))
            #expect(items.contains { $0.lastUsedAt == nil })
            #expect(items.contains { $0.name == nil })
            #expect(items.allSatisfy { $0.createdAt != nil })
            #expect(items.allSatisfy { key in key.lastUsedAt.map { $0 >= key.createdAt! } ?? true })
            let rateLimit = try #require(result.rateLimit)
            #expect(rateLimit.limit == SandboxConfiguration.defaultRateLimit)
            #expect(rateLimit.remaining == SandboxConfiguration.defaultRateLimit - 1)
            #expect(rateLimit.reset > Date())
        }
    }

    static var withUndocumentedStatuses: SandboxConfiguration {
        var configuration = SandboxConfiguration.forTesting()
        configuration.undocumentedStatuses = true
        return configuration
    }

    @Test func undocumentedStatusesGoOnTheWireAsStored() async throws {
        try await withSandbox(Self.withUndocumentedStatuses) { sandbox in
            let raw = try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey])
            #expect(raw.status == 200)
            let items = try #require(raw.json?["items"] as? [[String: Any]])
            let statuses = Set(items.compactMap { $0["status"] as? String })
            #expect(statuses.isSuperset(of: ["ACTIVE", "REVOKED", "DISABLED"]))
            #expect(!statuses.isSubset(of: ["ACTIVE", "REVOKED", "DISABLED", "UNKNOWN"]))
            #expect(items.allSatisfy { $0["api_key"] == nil && $0.keys.contains("last_used_at") })
        }
    }

    @Test func otherUsersSeeOnlyTheirKeys() async throws {
        try await withSandbox { sandbox in
            let mine = try await sandbox.synvo().listKeys().value.items.map(\.keyID)
            let theirs = try await sandbox.synvo(key: SandboxCredentials.otherSynvoKey).listKeys().value.items.map(\.keyID)
            #expect(!theirs.isEmpty)
            #expect(Set(mine).isDisjoint(with: theirs))
        }
    }

    @Test(arguments: ["My API Key", "R&D ключ 🚀 a=b+c%", nil])
    func createsAKeyShownOnce(name: String?) async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.synvo().createKey(name: name)
            #expect(created.value.success)
            let plaintext = created.value.apiKey.reveal()
            #expect(plaintext.hasPrefix("sk_test_") && plaintext.count > 30)
            #expect(created.rateLimit != nil)
            let listed = try await sandbox.synvo().listKeys().value.items
            let key = try #require(listed.first { $0.keyID == created.value.keyID })
            #expect(key.name == name)
            #expect(key.status == .active)
            #expect(key.lastUsedAt == nil)
            let raw = try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey])
            #expect(!String(decoding: raw.body, as: UTF8.self).contains(plaintext))
        }
    }

    @Test func twoCreatesGiveTwoDifferentKeys() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.synvo().createKey(name: "a").value
            let second = try await sandbox.synvo().createKey(name: "a").value
            #expect(first.keyID != second.keyID)
            #expect(first.apiKey != second.apiKey)
        }
    }

    @Test(arguments: [
        ("application/json", #"{"name":"x"}"#),
        ("application/x-www-form-urlencoded", "name=%zz"),
        ("text/plain", "name=x"),
        ("application/x-www-form-urlencoded", "name=" + String(repeating: "n", count: 300)),
    ])
    func badFormBodiesAre400(contentType: String, body: String) async throws {
        try await withSandbox { sandbox in
            let raw = try await sandbox.raw(
                "POST", "/user/api_keys/create",
                headers: ["X-API-Key": SandboxCredentials.demoSynvoKey, "Content-Type": contentType], body: body
            )
            #expect(raw.status == 400)
            #expect(raw.json?["code"] as? String == "BAD_REQUEST")
            #expect(raw.json?["error"] is String)
            #expect(raw.header("X-RateLimit-Remaining") != nil)
        }
    }

    @Test(arguments: [
        ("not-a-key", SynvoErrorCode.invalidAPIKey, "Invalid API key"),
        (SandboxCredentials.revokedSynvoKey, .apiKeyRevoked, "API key has been revoked"),
        (SandboxCredentials.expiredSynvoKey, .apiKeyExpired, "API key has expired"),
        (SandboxCredentials.suspendedSynvoKey, .apiKeySuspended, "API key is temporarily suspended"),
    ])
    func unusableKeysGetTheirCode(key: String, code: SynvoErrorCode, message: String) async throws {
        try await withSandbox(Self.withUndocumentedStatuses) { sandbox in
            for call in [0, 1] {
                let client = try sandbox.synvo(key: key)
                let error = call == 0
                    ? await failure { try await client.listKeys() }
                    : await failure { try await client.createKey(name: "x") }
                #expect(error == .unauthorized(.synvo, message: message, code: code))
                #expect(!String(describing: try #require(error)).contains(key))
            }
            let raw = try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": key])
            #expect(raw.status == 401)
            #expect(String(decoding: raw.body, as: UTF8.self) == #"{"code":"\#(code.rawValue)","error":"\#(message)"}"#)
            #expect(raw.header("X-RateLimit-Limit") != nil && raw.header("X-RateLimit-Reset") != nil)
        }
    }

    @Test func missingKeyIs401InvalidKey() async throws {
        try await withSandbox { sandbox in
            let raw = try await sandbox.raw("GET", "/user/api_keys/list")
            #expect(raw.status == 401)
            #expect(String(decoding: raw.body, as: UTF8.self) == #"{"code":"INVALID_API_KEY","error":"Invalid API key"}"#)
        }
    }

    @Test func rateLimitCountsDownThen429WithTheResetTime() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.rateLimit = 3
        try await withSandbox(configuration) { sandbox in
            let client = try sandbox.synvo()
            var budgets: [RateLimit] = []
            for _ in 0..<3 { budgets.append(try #require(try await client.listKeys().rateLimit)) }
            #expect(budgets.map(\.remaining) == [2, 1, 0])
            #expect(budgets.allSatisfy { $0.limit == 3 && $0.reset == budgets[0].reset })
            let error = await failure { try await client.listKeys() }
            guard case .rateLimited(.synvo, let resetAt, let rateLimit) = error else {
                Issue.record("expected rate limited, got \(String(describing: error))")
                return
            }
            #expect(resetAt == budgets[0].reset)
            #expect(rateLimit?.remaining == 0)
            #expect(String(describing: try #require(error)).contains("resets in"))
            let raw = try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey])
            #expect(raw.status == 429)
            #expect(String(decoding: raw.body, as: UTF8.self) == #"{"code":"RATE_LIMITED","error":"Too many requests"}"#)
            #expect(raw.header("X-RateLimit-Limit") == "3")
            #expect(raw.header("X-RateLimit-Remaining") == "0")
            #expect(raw.header("X-RateLimit-Reset") == String(Int(budgets[0].reset.timeIntervalSince1970)))
            // Each key has its own budget.
            #expect(try await sandbox.synvo(key: SandboxCredentials.otherSynvoKey).listKeys().rateLimit?.remaining == 2)
        }
    }
}
