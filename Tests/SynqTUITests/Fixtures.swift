import Foundation
import SynqAPI
import SynqViewModel
@testable import SynqTUI

/// States for snapshot tests, built the way the app builds them: by feeding actions to
/// the real reducer. Dates are fixed so relative times ("3d ago") never drift.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_763_800_000)

    static func ago(days: Double = 0, hours: Double = 0, minutes: Double = 0) -> Date {
        now.addingTimeInterval(-(days * 86_400 + hours * 3_600 + minutes * 60))
    }

    static let synchronizers: [Synchronizer] = [
        Synchronizer(id: "uuid-1", key: "b1df0d63-83b3-478d-a55f-a6c402e74185", name: "Production Server 1", isEnabled: true, createdAt: ago(days: 3)),
        Synchronizer(id: "uuid-2", key: "c2ef1e74-94c4-589e-b66g-b7d513f85296", name: "Staging Server", isEnabled: false, createdAt: ago(days: 40)),
        Synchronizer(id: "uuid-3", key: "0a1b2c3d-0000-4000-8000-123456789abc", name: "edge-eu-west-1", isEnabled: true, createdAt: ago(hours: 5)),
        Synchronizer(id: "uuid-4", key: "short", name: "lab", isEnabled: nil, createdAt: nil),
    ]

    static let keys: [SynvoKey] = [
        SynvoKey(keyID: "key_abc123xyz", name: "Production API Key", status: .active, createdAt: ago(days: 60), lastUsedAt: ago(minutes: 3)),
        SynvoKey(keyID: "key_def456uvw", name: "Development Key", status: .disabled, createdAt: ago(days: 20), lastUsedAt: ago(days: 2)),
        SynvoKey(keyID: "key_ghi789rst", name: "Old Testing Key", status: .revoked, createdAt: ago(days: 400), lastUsedAt: nil),
        SynvoKey(keyID: "key_jkl000mno", name: nil, status: .unknown, createdAt: ago(days: 1), lastUsedAt: nil),
    ]

    static let preferences = PreferencesResponse(
        message: "Preferences retrieved successfully",
        preferences: Preferences(walletAddress: "0x1234567890abcdef1234567890abcdef12345678", dashboardPassword: "β’β’β’β’β’β’β’β’",
                                 defaultAction: .service, web: true),
        owner: PreferencesOwner(walletAddress: "0x1234...abcd")
    )

    static let rateLimit = RateLimit(limit: 100, remaining: 97, reset: now.addingTimeInterval(1_800))

    /// The fleet the top line names in snapshots.
    static let fleet = FleetIdentity(profile: "staging", enterpriseURL: "https://startsynqing.com/api", synvoURL: "https://api.synvo.ai")

    /// A state with both APIs configured and every resource loaded.
    static func loaded(synchronizers: [Synchronizer] = synchronizers, keys: [SynvoKey] = keys,
                       settings: ViewModelSettings = ViewModelSettings()) -> AppState {
        var state = AppState(settings: settings, configured: [.enterprise, .synvo], now: now, fleet: fleet)
        apply(&state, .synchronizersLoaded(.success(SynchronizerList(synchronizers: synchronizers)), at: now))
        apply(&state, .preferencesLoaded(.success(preferences), at: now))
        apply(&state, .keysLoaded(.success(RateLimited(value: SynvoKeyList(items: keys), rateLimit: rateLimit)), at: now))
        return state
    }

    static func apply(_ state: inout AppState, _ actions: Action...) {
        for action in actions { _ = Reducer.reduce(&state, action, now: now) }
    }

    static func render(_ state: AppState, _ width: Int, _ height: Int, glyphs: Glyphs = .unicode) -> Frame {
        var scroll = ScrollMemory()
        return ScreenRenderer(glyphs: glyphs).render(state, width: width, height: height, scroll: &scroll)
    }
}
