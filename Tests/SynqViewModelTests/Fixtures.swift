import Foundation
import SynqAPI
@testable import SynqViewModel

/// A fixed start time, so every date in a test is exact.
let t0 = Date(timeIntervalSince1970: 1_700_000_000)

func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

func synchronizer(_ id: String, _ name: String, enabled: Bool? = true, key: String? = nil, created: TimeInterval = -86_400) -> Synchronizer {
    Synchronizer(id: id, key: key ?? "key-\(id)-0000-aaaa-bbbb", name: name, isEnabled: enabled, createdAt: at(created))
}

func synvoKey(_ id: String, _ name: String?, _ status: SynvoKeyStatus = .active, lastUsed: TimeInterval? = nil) -> SynvoKey {
    SynvoKey(keyID: id, name: name, status: status, createdAt: at(-3600), lastUsedAt: lastUsed.map(at))
}

let fleet = [
    synchronizer("s1", "Production Server 1", enabled: true),
    synchronizer("s2", "Staging Server", enabled: false),
    synchronizer("s3", "alpha edge", enabled: true),
]

/// Drives the reducer like the store does, keeping the effects of every step.
struct Harness {
    var state: AppState
    var effects: [Effect] = []

    init(configured: Set<Service> = [.enterprise, .synvo], settings: ViewModelSettings = ViewModelSettings()) {
        state = AppState(settings: settings, configured: configured, now: t0)
    }

    @discardableResult
    mutating func send(_ action: Action, at seconds: TimeInterval? = nil) -> [Effect] {
        let now = seconds.map(at) ?? state.now
        let produced = Reducer.reduce(&state, action, now: now)
        effects += produced
        return produced
    }

    @discardableResult
    mutating func press(_ keys: KeyPress..., at seconds: TimeInterval? = nil) -> [Effect] {
        keys.flatMap { send(.key($0), at: seconds) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { send(.key(.character($0))) }
    }

    /// Started, with the fleet and two keys loaded at t0.
    static func loaded(settings: ViewModelSettings = ViewModelSettings(), synchronizers: [Synchronizer] = fleet) -> Harness {
        var harness = Harness(settings: settings)
        harness.send(.start, at: 0)
        harness.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: synchronizers)), at: t0), at: 0)
        harness.send(.preferencesLoaded(.success(PreferencesResponse(preferences: Preferences(walletAddress: "0x1234", dashboardPassword: "••••", defaultAction: .service, web: true), owner: PreferencesOwner(walletAddress: "0xowner"))), at: t0), at: 0)
        harness.send(.keysLoaded(.success(RateLimited(value: SynvoKeyList(items: [synvoKey("key_a", "Production API Key"), synvoKey("key_b", nil, .revoked)]), rateLimit: nil)), at: t0), at: 0)
        harness.effects = []
        return harness
    }

    var synchronizerNames: [String] { state.synchronizers.rows.map(\.name) }
}
