import Foundation
import SynqAPI

/// Prompts for a missing API key, and what happens once one is typed.
extension Reducer {
    static func openCredentialPrompt(for service: Service, _ state: inout AppState) -> [Effect] {
        guard !state.configured.contains(service) else { return [] }
        guard state.settings.canAskForCredentials else {
            let variable = service == .enterprise ? "ENTERPRISE_API_KEY" : "SYNVO_API_KEY"
            say("\(service.displayName) is not configured: set \(variable) and restart", .error, &state)
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
        say("\(service.displayName) key accepted", .success, &state)
        var effects: [Effect] = []
        for kind in ResourceKind.allCases where kind.service == service {
            effects += fetch(kind, &state)
        }
        return effects + advanceCredentialQueue(after: service, &state)
    }

    /// Shows the next queued prompt for a missing key, if any.
    static func advanceCredentialQueue(after service: Service, _ state: inout AppState) -> [Effect] {
        state.credentialQueue.removeAll { $0 == service }
        if state.modal == nil, let next = state.credentialQueue.first {
            state.modal = .prompt(Prompt(purpose: .credential(next)))
        }
        return []
    }
}
