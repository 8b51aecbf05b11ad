import Foundation
import SynqAPI
import SynqText

/// Enabling and disabling synchronizers. Space switches the selected row alone; `e` and
/// `d` enable or disable the marked rows (the selected row when none is marked), after one
/// question that says how many of them the filter hides. Disabling always asks. A row
/// flips at once with a pending mark, and rolls back if the server says no.
extension Reducer {
    static func toggleSelected(_ state: inout AppState) -> [Effect] {
        guard state.pane == .synchronizers, let row = state.synchronizers.selected else { return [] }
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

    /// `e` / `d`: the marked rows, or the selected row when none is marked, to one state.
    static func setMarked(enable: Bool, _ state: inout AppState) -> [Effect] {
        guard state.pane == .synchronizers else { return [] }
        let table = state.synchronizers
        guard !table.marked.isEmpty else {
            guard let row = table.selected else { return [] }
            if row.isEnabled == enable {
                say("\"\(row.name)\" is already \(enable ? "enabled" : "disabled")", .info, &state)
                return []
            }
            return toggleSelected(&state)
        }
        let marked = table.markedRows.filter { !state.isPending($0.id) }
        let targets = marked.filter { $0.isEnabled != enable }.map { ToggleTarget(id: $0.id, name: $0.name, enable: enable) }
        guard !targets.isEmpty else {
            let waiting = marked.count < table.marked.count
            say(waiting ? "The marked synchronizers are waiting for the server or already \(enable ? "enabled" : "disabled")"
                        : "The marked synchronizers are already \(enable ? "enabled" : "disabled")", .info, &state)
            return []
        }
        let visible = Set(table.rows.lazy.map(\.id))
        let hidden = targets.filter { !visible.contains($0.id) }.map(\.name)
        state.modal = .confirmToggle(ToggleConfirmation(targets: targets, isBulk: true, hidden: hidden,
                                                        unchanged: marked.count - targets.count))
        return []
    }

    /// `*`: marks every row the filter shows.
    static func markAllVisible(_ state: inout AppState) {
        guard state.pane == .synchronizers else { return }
        let before = state.synchronizers.marked.count
        state.synchronizers.marked.formUnion(state.synchronizers.rows.map(\.id))
        let added = state.synchronizers.marked.count - before
        say("Marked \(Count.text(added)) more row\(added == 1 ? "" : "s") (\(Count.text(state.synchronizers.marked.count)) marked)", .info, &state)
    }

    /// `M`: forgets every mark, shown or hidden.
    static func clearMarks(_ state: inout AppState) {
        guard state.pane == .synchronizers, !state.synchronizers.marked.isEmpty else { return }
        let count = state.synchronizers.marked.count
        state.synchronizers.marked.removeAll()
        say("Cleared \(Count.text(count)) mark\(count == 1 ? "" : "s")", .info, &state)
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
            say("\(bulk.verb): \(Count.text(bulk.total - bulk.waiting.count)) of \(Count.text(bulk.total)) answered…", .info, &state)
        }
        return pass
    }
}
