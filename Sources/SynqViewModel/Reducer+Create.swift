import Foundation
import SynqAPI
import SynqText

/// Creating synchronizers and Synvo keys: prompt → one request, never retried.
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
        case .preferences, .events:
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
            let pass = derive(state.synchronizers.upsert(row), .synchronizers)
            state.synchronizers.select(id: row.id)
            say(answer.message.isEmpty ? "Created synchronizer \"\(row.name)\"" : "\(answer.message): \"\(row.name)\"", .success, &state)
            // The create answer lacks some fields (state); the list has them.
            return pass + fetch(.synchronizers, &state)
        case .failure(let error):
            if case .rateLimited(_, let resetAt, let limit) = error { block(until: resetAt, limit: limit, for: .enterprise, &state) }
            say("Could not create the synchronizer (not retried): \(failureText(error))", .error, &state)
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
            let pass = derive(state.keys.upsert(row), .keys)
            state.keys.select(id: row.id)
            state.isHelpVisible = false
            state.modal = .oneTimeKey(OneTimeKeyModal(
                keyID: created.keyID, name: name, secret: created.apiKey,
                suggestedPath: suggestedKeyPath(keyID: created.keyID, directory: state.settings.saveDirectory)))
            say("Created Synvo key \(created.keyID): copy or save it now, it is shown only once", .success, &state)
            return pass
        case .failure(let error):
            if case .rateLimited(_, let resetAt, let limit) = error { block(until: resetAt, limit: limit, for: .synvo, &state) }
            say("Could not create the Synvo key (not retried): \(failureText(error))", .error, &state)
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
}
