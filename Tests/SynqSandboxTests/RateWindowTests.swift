import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The Synvo rate limit is a fixed window per key that resets when the window ends.
@Suite struct RateWindowTests {
    @Test func theBudgetComesBackWhenTheWindowEnds() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        var configuration = SandboxConfiguration.forTesting()
        configuration.rateLimit = 2
        configuration.rateWindow = .seconds(10)
        configuration.now = { clock.now }
        try await withSandbox(configuration) { sandbox in
            let client = try sandbox.synvo()
            let first = try #require(try await client.listKeys().rateLimit)
            #expect(first.reset == Date(timeIntervalSince1970: 1_800_000_010))
            #expect(first.remaining == 1)
            _ = try await client.listKeys()
            let limited = await failure { try await client.listKeys() }
            #expect(limited == .rateLimited(.synvo, resetAt: first.reset, rateLimit: RateLimit(limit: 2, remaining: 0, reset: first.reset)))

            clock.advance(by: 10)
            let next = try #require(try await client.listKeys().rateLimit)
            #expect(next.remaining == 1)
            #expect(next.reset == Date(timeIntervalSince1970: 1_800_000_020))
        }
    }

    @Test func aTinyRealWindowResets() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.rateLimit = 1
        configuration.rateWindow = .seconds(1)
        try await withSandbox(configuration) { sandbox in
            let client = try sandbox.synvo()
            var limited = false
            // Spend the budget until refused, then wait out the window: the next call succeeds.
            for _ in 0..<20 where !limited {
                if case .rateLimited = await failure({ try await client.listKeys() }) { limited = true }
            }
            #expect(limited)
            try await Task.sleep(for: .milliseconds(1_100))
            let again = try await client.listKeys()
            #expect(again.rateLimit?.limit == 1)
        }
    }

    @Test func everySynvoAnswerCarriesTheHeaders() async throws {
        try await withSandbox { sandbox in
            let answers = [
                try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey]),
                try await sandbox.raw("POST", "/user/api_keys/create", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey, "Content-Type": "application/x-www-form-urlencoded"], body: "name=x"),
                try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": "bogus"]),
                try await sandbox.raw("POST", "/user/api_keys/create", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey, "Content-Type": "text/plain"], body: "x"),
            ]
            #expect(answers.map(\.status) == [200, 200, 401, 400])
            for answer in answers {
                #expect(Int(answer.header("X-RateLimit-Limit") ?? "") == SandboxConfiguration.defaultRateLimit)
                #expect(Int(answer.header("X-RateLimit-Remaining") ?? "") != nil)
                #expect(Int(answer.header("X-RateLimit-Reset") ?? "") != nil)
            }
        }
    }
}
