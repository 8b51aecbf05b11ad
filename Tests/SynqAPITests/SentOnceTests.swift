import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// Creates are sent exactly once, even when the connection they go out on was kept alive by
/// an earlier request and then dies without an answer (libcurl would quietly resend a request
/// on a reused connection that closed: a second synchronizer on a server that had committed).
@Suite struct SentOnceTests {
    static let count = 100

    /// How many requests the counted rule on `route` has seen.
    private func requests(_ sandbox: RunningSandbox, route: String) async -> Int {
        let left = await sandbox.faults.active.first { $0.route == route }?.count ?? 0
        return Self.count - left
    }

    @Test func aCreateOnAKeptAliveConnectionThatDropsIsNotResent() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.enterprise(timeout: 5)
            // Opens a connection the transport keeps for the next request.
            _ = try await client.listSynchronizers()
            let route = "POST /api/synq-keys/enterprise/synchronizer"
            try await sandbox.inject(FaultRule(route: route, kind: .drop, count: Self.count))
            let error = await failure { try await client.createSynchronizer(name: "sent-once") }
            #expect(error == .transport(.enterprise, .connectionLost))
            #expect(await requests(sandbox, route: route) == 1)
        }
    }

    @Test func aKeyCreateOnAKeptAliveConnectionThatDropsIsNotResent() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.synvo(timeout: 5)
            _ = try await client.listKeys()
            let route = "POST /user/api_keys/create"
            try await sandbox.inject(FaultRule(route: route, kind: .drop, count: Self.count))
            let error = await failure { try await client.createKey(name: "sent-once") }
            #expect(error == .transport(.synvo, .connectionLost))
            #expect(await requests(sandbox, route: route) == 1)
        }
    }

    @Test func aCreateBetweenPollsStillWorks() async throws {
        // The fix must not cost the polls their kept-alive connection: many GETs in a row work.
        try await withSandbox { sandbox in
            let client = try sandbox.enterprise(timeout: 5)
            for _ in 0..<5 { _ = try await client.listSynchronizers() }
            _ = try await client.createSynchronizer(name: "after-polls")
            #expect(try await client.listSynchronizers().synchronizers.contains { $0.name == "after-polls" })
        }
    }
}
