import Foundation
import SynqAPI

/// Creating synchronizers and Synvo keys (prompt → one request, never retried), the
/// one-time key modal, and prompts for missing API keys.
extension Reducer {
    static func openCreatePrompt(_ state: inout AppState) -> [Effect] {
        guard state.isConfigured(state.pane) else { return [] }
        if state.isCreating {
            say("A create is already on its way; wait for it", .info, &state)
            return []
        }
        switch state.pane {
        case .synchronizers:
            state.modal = .prompt(Prompt(purpose: .synchronizerName))
        case .keys:
            if let budget = state.rateLimit, !budget.allowsUserRequest(now: state.now) {
                let wait = budget.countdown(now: state.now) ?? Int(max(0, budget.reset.timeIntervalSince(state.now)).rounded(.up))
                say("Synvo rate limit reached: try again in \(RelativeTime.duration(wait))", .error, &state)
                return []
            }
            state.modal = .prompt(Prompt(purpose: .keyName))
        case .preferences:
            break
        }
        return []
    }

    static func submitPrompt(_ prompt: Prompt, _ state: inout AppState) -> [Effect] {
        var prompt = prompt
        switch prompt.purpose {
        case .synchronizerName:
            let name = (prompt.field.text ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                prompt.error = "A name is required"
                state.modal = .prompt(prompt)
                return []
            }
            state.modal = nil
            state.isCreating = true
            say("Creating synchronizer \"\(name)\"…", .info, &state)
            return [.createSynchronizer(name: name)]
        case .keyName:
            let name = (prompt.field.text ?? "").trimmingCharacters(in: .whitespaces)
            state.modal = nil
            state.isCreating = true
            say(name.isEmpty ? "Creating a Synvo key…" : "Creating Synvo key \"\(name)\"…", .info, &state)
            return [.createKey(name: name.isEmpty ? nil : name)]
        case .credential(let service):
            guard !prompt.field.isEmpty else {
                prompt.error = "Type the key, or press Esc to go on without the \(service.displayName)"
                state.modal = .prompt(prompt)
                return []
            }
            state.modal = nil
            return [.useCredential(service, prompt.field.secret)]
        }
    }

    static func synchronizerCreated(_ result: Result<SynchronizerResult, APIError>, at: Date, _ state: inout AppState) -> [Effect] {
        state.isCreating = false
        switch result {
        case .success(let answer):
            var row = SynchronizerRow(answer.synchronizer)
            if row.createdAt == nil { row.createdAt = at }
            state.synchronizers.highlights[row.id] = RowHighlight(change: .new, until: at.addingTimeInterval(state.settings.highlightDuration))
            state.synchronizers.upsert(row)
            state.synchronizers.select(id: row.id)
            say(answer.message.isEmpty ? "Created synchronizer \"\(row.name)\"" : "\(answer.message): \"\(row.name)\"", .success, &state)
            // The create answer lacks some fields (state); the list has them.
            return fetch(.synchronizers, &state)
        case .failure(let error):
            if case .rateLimited(_, let resetAt, let limit) = error { block(until: resetAt, limit: limit, for: .enterprise, &state) }
            say("Could not create the synchronizer (not retried): \(error.description)", .error, &state)
            return []
        }
    }

    static func keyCreated(name: String?, _ result: Result<RateLimited<CreatedSynvoKey>, APIError>, at: Date, _ state: inout AppState) -> [Effect] {
        state.isCreating = false
        switch result {
        case .success(let answer):
            updateBudget(answer.rateLimit, &state)
            let created = answer.value
            let row = SynvoKeyRow(id: created.keyID, name: name, status: .active, createdAt: at, lastUsedAt: nil)
            state.keys.highlights[row.id] = RowHighlight(change: .new, until: at.addingTimeInterval(state.settings.highlightDuration))
            state.keys.upsert(row)
            state.keys.select(id: row.id)
            state.isHelpVisible = false
            state.modal = .oneTimeKey(OneTimeKeyModal(
                keyID: created.keyID, name: name, secret: created.apiKey,
                suggestedPath: suggestedKeyPath(keyID: created.keyID, directory: state.settings.saveDirectory)))
            say("Created Synvo key \(created.keyID): copy or save it now, it is shown only once", .success, &state)
            return []
        case .failure(let error):
            if case .rateLimited(_, let resetAt, let limit) = error { block(until: resetAt, limit: limit, for: .synvo, &state) }
            say("Could not create the Synvo key (not retried): \(error.description)", .error, &state)
            return []
        }
    }

    /// `<directory>/synvo-key-<key id>.txt`, with the id reduced to safe file-name characters.
    static func suggestedKeyPath(keyID: String, directory: String) -> String {
        let safe = String(keyID.unicodeScalars.map { scalar -> Character in
            let allowed = CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII
            return allowed || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        }.prefix(64))
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return "\(folder.isEmpty ? "." : folder)/synvo-key-\(safe.isEmpty ? "new" : safe).txt"
    }

    // MARK: - One-time key modal

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
        let where_: String
        switch modal.save {
        case .saved(let path): where_ = "saved in \(path)"
        default: where_ = modal.isSecured ? "sent to the clipboard" : "not kept"
        }
        say("Synvo key \(modal.keyID): \(where_)", .info, &state)
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
        }
        return []
    }

    static func saveFinished(_ result: Result<String, SecretFileError>, _ state: inout AppState) -> [Effect] {
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

    // MARK: - Missing API keys

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
