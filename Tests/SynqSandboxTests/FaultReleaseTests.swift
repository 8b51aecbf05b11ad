import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// Clearing the faults releases the requests `latency` and `hang` rules hold, so a test can
/// keep a request open exactly as long as it needs (and a campaign's clear takes effect now).
@Suite(.timeLimit(.minutes(1)))
struct FaultReleaseTests {
    static let list = "GET /api/synq-keys/enterprise/synchronizers"

    /// Waits until the request took the single-use rule, so it is being held now.
    private func held(_ sandbox: RunningSandbox) async -> Bool {
        await eventually { await sandbox.faults.active.isEmpty }
    }

    @Test func aDelayedRequestAnswersOnceTheFaultsAreCleared() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.enterprise(timeout: 30)
            try await sandbox.inject(FaultRule(route: Self.list, kind: .latency, latencyMs: 600_000, count: 1))
            let started = ContinuousClock.now
            let request = Task { try await client.listSynchronizers() }
            #expect(await held(sandbox))
            let cleared = try await sandbox.raw("DELETE", "/__sandbox/faults")
            #expect(cleared.status == 200)
            let list = try await request.value
            #expect(list.synchronizers.count == SandboxConfiguration.defaultFleetSize)
            #expect(ContinuousClock.now - started < .seconds(10), "released, not waited out")
        }
    }

    @Test func aHungRequestIsDroppedOnceTheSandboxIsReset() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.enterprise(timeout: 30)
            try await sandbox.inject(FaultRule(route: Self.list, kind: .hang, count: 1))
            let started = ContinuousClock.now
            let request = Task { await failure { try await client.listSynchronizers() } }
            #expect(await held(sandbox))
            let reset = try await sandbox.raw("POST", "/__sandbox/reset", headers: ["Content-Type": "application/json"])
            #expect(reset.status == 200)
            let error = await request.value
            guard case .transport(.enterprise, let reason)? = error else {
                Issue.record("expected no answer (a transport error), got \(String(describing: error))")
                return
            }
            #expect(reason != .timeout, "dropped on release, not timed out")
            #expect(ContinuousClock.now - started < .seconds(10), "released, not timed out")
        }
    }

    @Test func aHeldRequestStaysHeldWhileTheFaultsAreNotCleared() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.enterprise(timeout: 1)
            try await sandbox.inject(FaultRule(route: Self.list, kind: .latency, latencyMs: 600_000, count: 1))
            // Arming another rule is not a clear: the request waits until the client gives up.
            let request = Task { await failure { try await client.listSynchronizers() } }
            #expect(await held(sandbox))
            try await sandbox.inject(FaultRule(route: "GET /user/api_keys/list", kind: .status, status: 503))
            #expect(await request.value == .transport(.enterprise, .timeout))
        }
    }
}
