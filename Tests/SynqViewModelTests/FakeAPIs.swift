import Foundation
import SynqAPI
import Synchronization
@testable import SynqViewModel

/// In-test Enterprise API (the remote boundary, for Store tests): serves a fleet it keeps,
/// counts calls, and can hold list requests open until the test releases them.
final class FakeEnterprise: EnterpriseAPI, Sendable {
    private struct State {
        var fleet: [Synchronizer]
        var listCalls = 0
        var failNextLists = 0
        var holdLists = false
        var held: [CheckedContinuation<Void, Never>] = []
        var toggles: [(String, Bool)] = []
        var creates: [String] = []
    }

    private let state: Mutex<State>

    init(fleet: [Synchronizer]) { state = Mutex(State(fleet: fleet)) }

    var listCalls: Int { state.withLock { $0.listCalls } }
    var heldCount: Int { state.withLock { $0.held.count } }
    var createCalls: [String] { state.withLock { $0.creates } }
    var toggleCalls: [String] { state.withLock { $0.toggles.map { "\($0.0)=\($0.1)" } } }

    func hold(_ on: Bool) { state.withLock { $0.holdLists = on } }
    func failNext(_ count: Int) { state.withLock { $0.failNextLists = count } }

    /// Lets every held list request answer.
    func release() {
        let held = state.withLock { state in
            defer { state.held = [] }
            return state.held
        }
        for continuation in held { continuation.resume() }
    }

    func listSynchronizers() async throws(APIError) -> SynchronizerList {
        let hold = state.withLock { state in
            state.listCalls += 1
            return state.holdLists
        }
        if hold {
            await withCheckedContinuation { continuation in
                state.withLock { $0.held.append(continuation) }
            }
        }
        let (fleet, fail) = state.withLock { state in
            let fail = state.failNextLists > 0
            if fail { state.failNextLists -= 1 }
            return (state.fleet, fail)
        }
        if fail { throw .transport(.enterprise, .refused) }
        return SynchronizerList(synchronizers: fleet)
    }

    func createSynchronizer(name: String) async throws(APIError) -> SynchronizerResult {
        state.withLock { $0.creates.append(name) }
        throw .transport(.enterprise, .timeout)
    }

    func setSynchronizer(id: String, enabled: Bool) async throws(APIError) -> SynchronizerResult {
        let found: Synchronizer? = state.withLock { state in
            state.toggles.append((id, enabled))
            guard let index = state.fleet.firstIndex(where: { $0.id == id }) else { return nil }
            state.fleet[index].isEnabled = enabled
            return state.fleet[index]
        }
        guard let found else { throw .notFound(.enterprise, message: "Synchronizer not found") }
        return SynchronizerResult(message: "Synchronizer \(enabled ? "enabled" : "disabled") successfully", synchronizer: found)
    }

    func preferences() async throws(APIError) -> PreferencesResponse {
        PreferencesResponse(preferences: Preferences(walletAddress: "0x1234", dashboardPassword: "••••", defaultAction: .service, web: true))
    }
}

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

/// Records what the store asked to copy.
final class RecordingClipboard: ClipboardWriter, Sendable {
    private let copied = Mutex<[String]>([])
    var texts: [String] { copied.withLock { $0 } }
    func copy(_ text: Secret) async -> CopyOutcome {
        copied.withLock { $0.append(text.reveal()) }
        return .sent
    }
}

/// Hands out the fake clients for a typed key, remembering the keys it was given.
final class FakeCredentials: CredentialClientFactory, Sendable {
    let enterprise: FakeEnterprise
    private let typed = Mutex<[String]>([])
    var keys: [String] { typed.withLock { $0 } }

    init(enterprise: FakeEnterprise) { self.enterprise = enterprise }

    func enterpriseClient(apiKey: Secret) throws(CredentialError) -> any EnterpriseAPI {
        typed.withLock { $0.append(apiKey.reveal()) }
        return enterprise
    }

    func synvoClient(apiKey: Secret) throws(CredentialError) -> any SynvoAPI {
        throw .rejected(.synvo, reason: "not in this test")
    }
}
