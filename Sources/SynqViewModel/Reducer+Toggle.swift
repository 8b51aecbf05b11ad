import Foundation
import SynqAPI

/// Enabling and disabling synchronizers: one row, or all marked rows after one
/// question. Disabling always asks. The row flips at once with a pending mark, and
/// rolls back if the server says no.
extension Reducer {
    static func toggleSelected(_ state: inout AppState) -> [Effect] {
        guard state.pane == .synchronizers else { return [] }
        let table = state.synchronizers
        if !table.marked.isEmpty {
            let targets = table.markedRows
                .filter { !state.isPending($0.id) }
                .map { ToggleTarget(id: $0.id, name: $0.name, enable: $0.isEnabled != true) }
            guard !targets.isEmpty else {
                say("The marked synchronizers are already waiting for the server", .info, &state)
                return []
            }
            state.modal = .confirmToggle(ToggleConfirmation(targets: targets, isBulk: true))
            return []
        }
        guard let row = table.selected else { return [] }
        if state.isPending(row.id) {
            say("\"\(row.name)\" is already waiting for the server", .info, &state)
            return []
        }
        let target = ToggleTarget(id: row.id, name: row.name, enable: row.isEnabled != true)
        if !target.enable {
            state.modal = .confirmToggle(ToggleConfirmation(targets: [target], isBulk: false))
            return []
        }
        return startToggle(target, &state)
    }

    /// Flips the row optimistically, marks it pending and sends the request.
    static func startToggle(_ target: ToggleTarget, _ state: inout AppState) -> [Effect] {
        guard !state.isPending(target.id), var row = state.synchronizers.row(id: target.id) else { return [] }
        state.pendingToggles[target.id] = PendingToggle(enable: target.enable, previous: row.isEnabled)
        row.isEnabled = target.enable
        let pass = derive(state.synchronizers.upsert(row), .synchronizers)
        say("\(target.enable ? "Enabling" : "Disabling") \"\(target.name)\"…", .info, &state)
        return [.toggle(id: target.id, enable: target.enable)] + pass
    }

    static func toggleFinished(id: String, enable: Bool, _ result: Result<SynchronizerResult, APIError>, _ state: inout AppState) -> [Effect] {
        let pending = state.pendingToggles.removeValue(forKey: id)
        var row = state.synchronizers.row(id: id)
        let name = row?.name ?? id
        let text: String
        let kind: StatusMessage.Kind
        var reason = ""
        switch result {
        case .success(let answer):
            if var updated = row {
                updated.isEnabled = answer.synchronizer.isEnabled ?? enable
                if !answer.synchronizer.name.isEmpty { updated.name = answer.synchronizer.name }
                row = updated
            }
            text = answer.message.isEmpty ? "\"\(name)\" \(enable ? "enabled" : "disabled")" : answer.message
            kind = .success
        case .failure(let error):
            row?.isEnabled = pending?.previous ?? !enable
            reason = error.description
            text = "Could not \(enable ? "enable" : "disable") \"\(name)\": \(error.description)"
            kind = .error
        }
        let pass = row.map { derive(state.synchronizers.upsert($0), .synchronizers) } ?? []
        guard var bulk = state.bulkToggle, bulk.waiting.remove(id) != nil else {
            say(text, kind, &state)
            return pass
        }
        if kind == .success {
            bulk.succeeded += 1
        } else {
            bulk.failures.append("\"\(name)\": \(reason)")
        }
        if bulk.waiting.isEmpty {
            state.bulkToggle = nil
            say(bulk.summary, bulk.failures.isEmpty ? .success : .error, &state)
        } else {
            state.bulkToggle = bulk
            say("Toggling: \(bulk.total - bulk.waiting.count) of \(bulk.total) answered…", .info, &state)
        }
        return pass
    }
}
