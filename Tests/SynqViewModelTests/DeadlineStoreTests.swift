import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing
@testable import SynqViewModel

/// The request deadline as the TUI meets it: the store, the live client, and a real
/// loopback server whose toggle answer trickles in one byte at a time.
@Suite(.timeLimit(.minutes(1)))
struct DeadlineStoreTests {
    static let listPath = "/api/synq-keys/enterprise/synchronizers"
    static let preferencesPath = "/api/synq-keys/enterprise/preferences"

    /// Real list and preferences bodies, as the sandbox writes them.
    private func sandboxBodies() async throws -> (list: Data, preferences: Data) {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let headers = ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey]
            let list = try await sandbox.raw("GET", Self.listPath, headers: headers).body
            let preferences = try await sandbox.raw("GET", Self.preferencesPath, headers: headers).body
            return (list, preferences)
        }
    }

    @Test func aToggleWhoseAnswerTricklesRollsBackAtTheDeadline() async throws {
        let bodies = try await sandboxBodies()
        let json = ["Content-Type": "application/json"]
        let server = try HostileServer { request in
            switch (request.method, request.target) {
            case ("GET", Self.listPath): .respond(status: 200, headers: json, body: bodies.list)
            case ("GET", Self.preferencesPath): .respond(status: 200, headers: json, body: bodies.preferences)
            default: .trickle(status: 200, headers: json, length: 1_000, interval: .milliseconds(300))
            }
        }
        let client = EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: server.origin + "/api"), apiKey: Secret(SandboxCredentials.demoEnterpriseKey),
                                      transport: AsyncHTTPClientTransport(timeout: 2, proxies: .none))
        let store = Store(enterprise: client, synvo: nil, clock: TestClock(), startDate: t0)
        try await whileRunning(store) { (watcher: inout StateWatcher) in
            await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 }
            let first = try #require(watcher.last?.synchronizers.rows.first)
            let wasEnabled = first.isEnabled
            store.send(.key(.space))
            await watcher.until("question") { $0.modal != nil }
            let sent = ContinuousClock.now
            store.send(.key(.character("y")))
            await watcher.until("optimistic change") { !$0.pendingToggles.isEmpty }
            #expect(watcher.last?.synchronizers.row(id: first.id)?.isEnabled != wasEnabled, "shown as changed while pending")

            await watcher.until("rolled back") { $0.pendingToggles.isEmpty }
            let waited = ContinuousClock.now - sent
            #expect(watcher.last?.synchronizers.row(id: first.id)?.isEnabled == wasEnabled)
            #expect(watcher.last?.message?.kind == .error)
            #expect(watcher.last?.message?.text.contains("timed out") == true, "\(String(describing: watcher.last?.message?.text))")
            #expect(waited < .seconds(5), "rolled back after \(waited)")
            #expect(server.requests.filter { $0.method == "PUT" }.count == 1)
        }
    }
}
