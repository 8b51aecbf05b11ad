import Foundation
import SynqSandbox

extension RunningSandbox {
    /// The count a request counter starts from (never reached in a test).
    public static let counterBudget = 1_000_000

    /// Starts counting the requests that reach `route`, with a fault that changes nothing:
    /// a zero latency with a large `count`. Rules match in the order they were armed, so a
    /// counter armed after another rule on the same route counts only what that rule let by.
    public func countRequests(on route: String) async throws {
        try await inject(FaultRule(route: route, kind: .latency, latencyMs: 0, count: Self.counterBudget))
    }

    /// How many requests the counter on `route` has seen (0 when none is armed).
    public func countedRequests(on route: String) async -> Int {
        let counter = await faults.active.first { $0.route == route && $0.kind == .latency && $0.latencyMs == 0 }
        return Self.counterBudget - (counter?.count ?? Self.counterBudget)
    }
}
