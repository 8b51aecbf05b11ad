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
