import Foundation
import SynqAPI
import SynqFiles

/// The one-time key modal: copy, save, reveal, and closing only after confirmation.
extension Reducer {
    static func keyModalCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .oneTimeKey(var modal)? = state.modal else { return [] }
        var effects: [Effect] = []
        switch command {
        case .copySecret:
            modal.copy = .copying
            effects = [.copyToClipboard(modal.secret, .oneTimeKey)]
        case .saveSecret:
            if case .saved(let path) = modal.save {
                say("Already saved to \(path)", .info, &state)
            } else if modal.save != .saving {
                modal.save = .saving
                effects = [.saveSecret(modal.secret, suggestedPath: modal.suggestedPath)]
            }
        case .revealSecret:
            modal.isRevealed.toggle()
        default:
            break
        }
        state.modal = .oneTimeKey(modal)
        return effects
    }

    static func closeKeyModal(_ state: inout AppState) -> [Effect] {
        guard case .oneTimeKey(let modal)? = state.modal else { return [] }
        state.modal = nil
        let outcome: String
        switch modal.save {
        case .saved(let path): outcome = "saved in \(path)"
        default: outcome = modal.isSecured ? "sent to the clipboard" : "not kept"
        }
        say("Synvo key \(modal.keyID): \(outcome)", .info, &state)
        return []
    }

    static func copyFinished(_ target: CopyTarget, _ outcome: CopyOutcome, _ state: inout AppState) -> [Effect] {
        switch target {
        case .oneTimeKey:
            guard case .oneTimeKey(var modal)? = state.modal else { return [] }
            switch outcome {
            case .sent:
                modal.copy = .sent
                say("Key sent to the terminal clipboard (OSC 52)", .success, &state)
            case .unavailable(let reason):
                modal.copy = .failed(reason)
                say("Could not copy: \(reason); save it with w instead", .error, &state)
            }
            state.modal = .oneTimeKey(modal)
        case .synchronizerKey(let id):
            let name = state.synchronizers.row(id: id)?.name ?? id
            switch outcome {
            case .sent: say("Key of \"\(name)\" sent to the terminal clipboard (OSC 52)", .success, &state)
            case .unavailable(let reason): say("Could not copy: \(reason)", .error, &state)
            }
        case .rowField(let field, let name, let escaped):
            switch outcome {
            case .sent:
                let note = escaped ? " (control characters escaped)" : ""
                say("Copied the \(field.rawValue) of \"\(name)\" to the terminal clipboard (OSC 52)\(note)", .success, &state)
            case .unavailable(let reason): say("Could not copy: \(reason)", .error, &state)
            }
        }
        return []
    }

    static func saveFinished(_ result: Result<String, SecureFileError>, _ state: inout AppState) -> [Effect] {
        guard case .oneTimeKey(var modal)? = state.modal else { return [] }
        switch result {
        case .success(let path):
            modal.save = .saved(path: path)
            say("Saved to \(path) (mode 0600)", .success, &state)
        case .failure(let error):
            modal.save = .failed(error.description)
            say("Could not save: \(error.description)", .error, &state)
        }
        state.modal = .oneTimeKey(modal)
        return []
    }
}
