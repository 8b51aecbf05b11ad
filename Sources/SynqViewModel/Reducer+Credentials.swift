import Foundation
import SynqAPI

/// Asking for an API key: a missing one (at start, for the pane on screen, and on Enter in a
/// pane without a key) or one the server refused (401: polling of that API stops until a
/// new key is typed, so a bad key never spends the budget). One prompt at a time, and only
/// when asked for: accepting a key never opens the next prompt under the user's typing.
extension Reducer {
    static func openCredentialPrompt(for service: Service, _ state: inout AppState) -> [Effect] {
        guard !state.configured.contains(service) || state.rejectedKeys[service] != nil else { return [] }
        guard state.settings.canAskForCredentials else {
            let variable = service == .enterprise ? "ENTERPRISE_API_KEY" : "SYNVO_API_KEY"
            let problem = state.configured.contains(service) ? "refused the key" : "is not configured"
            say("\(service.displayName) \(problem): set \(variable) and restart", .error, &state)
            return []
        }
        state.modal = .prompt(Prompt(purpose: .credential(service)))
        return []
    }

    static func credentialFinished(_ service: Service, error: CredentialError?, _ state: inout AppState) -> [Effect] {
        if let error {
            var prompt = Prompt(purpose: .credential(service))
            prompt.error = error.description
            state.modal = .prompt(prompt)
            return []
        }
        state.configured.insert(service)
        state.rejectedKeys[service] = nil
        say("\(service.displayName) key accepted", .success, &state)
        var effects: [Effect] = []
        for kind in ResourceKind.allCases where kind.service == service {
            state.updateResource(kind) {
                $0.failures = 0
                $0.failure = nil
            }
            // Only what is on screen is fetched now; the other pane loads when shown.
            if kind == state.pane.resource { effects += fetch(kind, &state) }
        }
        return effects
    }

    /// A 401: this API's key is refused. Its polls stop; the pane says how to type a new key.
    static func rejectKey(_ service: Service, reason: String, _ state: inout AppState) {
        state.rejectedKeys[service] = reason
        for kind in ResourceKind.allCases where kind.service == service {
            state.updateResource(kind) { $0.nextPoll = nil }
        }
    }
}
