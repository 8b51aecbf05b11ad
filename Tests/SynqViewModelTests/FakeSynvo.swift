import Foundation
import SynqAPI
import Synchronization
@testable import SynqViewModel

/// In-test Synvo API: a budget of requests that resets at a fixed time, and creates.
final class FakeSynvo: SynvoAPI, Sendable {
    private struct State {
        var remaining: Int
        var throttled = false
        var listCalls = 0
        var createCalls = 0
    }

    private let state: Mutex<State>
    let limit: Int
    let reset: Date

    init(limit: Int, remaining: Int, reset: Date) {
        self.limit = limit
        self.reset = reset
        state = Mutex(State(remaining: remaining))
    }

    var listCalls: Int { state.withLock { $0.listCalls } }
    var createCalls: Int { state.withLock { $0.createCalls } }

    /// Another client of the same key spent the budget: every call answers 429 from now on.
    func exhaustElsewhere() { state.withLock { $0.throttled = true } }

    private func spend() throws(APIError) -> RateLimit {
        let remaining: Int? = state.withLock { state in
            guard state.remaining > 0, !state.throttled else { return nil }
            state.remaining -= 1
            return state.remaining
        }
        guard let remaining else {
            throw .rateLimited(.synvo, resetAt: reset, rateLimit: RateLimit(limit: limit, remaining: 0, reset: reset))
        }
        return RateLimit(limit: limit, remaining: remaining, reset: reset)
    }

    func listKeys() async throws(APIError) -> RateLimited<SynvoKeyList> {
        state.withLock { $0.listCalls += 1 }
        let rate = try spend()
        return RateLimited(value: SynvoKeyList(items: [synvoKey("key_a", "A")]), rateLimit: rate)
    }

    func createKey(name: String?) async throws(APIError) -> RateLimited<CreatedSynvoKey> {
        state.withLock { $0.createCalls += 1 }
        let rate = try spend()
        return RateLimited(value: CreatedSynvoKey(keyID: "key_new", apiKey: Secret("sk_live_new_plaintext")), rateLimit: rate)
    }
}
