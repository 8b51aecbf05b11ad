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
        state.synchronizers.upsert(row)
        say("\(target.enable ? "Enabling" : "Disabling") \"\(target.name)\"…", .info, &state)
        return [.toggle(id: target.id, enable: target.enable)]
    }

    static func toggleFinished(id: String, enable: Bool, _ result: Result<SynchronizerResult, APIError>, _ state: inout AppState) -> [Effect] {
        let pending = state.pendingToggles.removeValue(forKey: id)
        guard var row = state.synchronizers.row(id: id) else { return [] }
        switch result {
        case .success(let answer):
            row.isEnabled = answer.synchronizer.isEnabled ?? enable
            if !answer.synchronizer.name.isEmpty { row.name = answer.synchronizer.name }
            state.synchronizers.upsert(row)
            let text = answer.message.isEmpty ? "\"\(row.name)\" \(enable ? "enabled" : "disabled")" : answer.message
            say(text, .success, &state)
        case .failure(let error):
            row.isEnabled = pending?.previous ?? !enable
            state.synchronizers.upsert(row)
            say("Could not \(enable ? "enable" : "disable") \"\(row.name)\": \(error.description)", .error, &state)
        }
        return []
    }
}
