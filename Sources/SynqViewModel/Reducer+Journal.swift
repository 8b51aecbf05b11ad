import Foundation
import SynqJournal

/// Fleet memory in the TUI: the Events pane's rows, the journal's health, and alerts.
extension Reducer {
    /// Events the pane keeps in memory (the newest); older ones stay in the journal file.
    public static let eventsShown = 5_000

    static func journalUpdated(_ update: JournalUpdate, _ state: inout AppState) -> [Effect] {
        switch update {
        case .opened:
            state.journal.resource.loadedAt = state.now
        case .problem(let problem):
            state.journal.problem = problem?.description
            if let problem { say("No history kept: \(problem.description)", .error, &state) }
        case .recorded(let recorded):
            // After a profile switch, late answers of the old fleet are journalled under their
            // own profile; this pane shows the current one's.
            let events = recorded.filter { state.journal.profile == nil || $0.profile == state.journal.profile }
            appendEvents(events, highlight: true, &state)
            raiseAlerts(events, &state)
        }
        return []
    }

    /// History read from the journal at start (oldest first): shown without highlights,
    /// below whatever arrived meanwhile.
    static func journalHistoryLoaded(_ events: [JournalEvent], _ state: inout AppState) {
        let arrived = state.events.all
        var rows: [EventRow] = []
        rows.reserveCapacity(events.count + arrived.count)
        for event in events {
            rows.append(EventRow(sequence: state.journal.nextSequence, event: event))
            state.journal.nextSequence += 1
        }
        // Renumber what arrived meanwhile after the history, keeping its highlights.
        var highlights: [String: RowHighlight] = [:]
        for row in arrived {
            let moved = EventRow(sequence: state.journal.nextSequence, event: row.event)
            state.journal.nextSequence += 1
            if let highlight = state.events.highlight(for: row.id) { highlights[moved.id] = highlight }
            rows.append(moved)
        }
        state.events.replaceAll(Array(rows.suffix(eventsShown)))
        state.events.highlights = highlights
    }

    static func appendEvents(_ events: [JournalEvent], highlight: Bool, _ state: inout AppState) {
        guard !events.isEmpty else { return }
        var rows = Array(state.events.all)
        var added: [String] = []
        for event in events {
            let row = EventRow(sequence: state.journal.nextSequence, event: event)
            state.journal.nextSequence += 1
            rows.append(row)
            added.append(row.id)
        }
        state.events.replaceAll(rows.count > eventsShown ? Array(rows.suffix(eventsShown)) : rows)
        guard highlight, state.settings.highlightDuration > 0 else { return }
        let until = state.now.addingTimeInterval(state.settings.highlightDuration)
        for id in added where state.events.row(id: id) != nil {
            state.events.highlights[id] = RowHighlight(change: .new, until: until)
        }
    }

    /// A key going REVOKED or DISABLED, or a synchronizer disabled from outside: a status-bar
    /// flash and (when enabled) the terminal bell, once per batch.
    static func raiseAlerts(_ events: [JournalEvent], _ state: inout AppState) {
        let alerts = state.settings.alerts
        guard alerts.bell || alerts.flash else { return }
        let alarming = events.filter(AlertRule.isAlert)
        guard let first = alarming.first else { return }
        if alerts.bell { state.journal.alertCount += 1 }
        if alerts.flash {
            let look = state.pane == .events ? "" : ", press 4"
            let more = alarming.count > 1 ? " (+\(alarming.count - 1) more\(look))" : (look.isEmpty ? "" : " (press 4)")
            say("Alert: \(first.alertText)\(more)", .error, &state)
        }
    }

    /// `H` on a synchronizer or key: the Events pane, filtered to that item.
    static func showHistory(_ state: inout AppState) -> [Effect] {
        let id: String?
        switch state.pane {
        case .synchronizers: id = state.synchronizers.selected?.id
        case .keys: id = state.keys.selected?.id
        case .events, .preferences: id = nil
        }
        guard let id else { return [] }
        let effects = switchPane(to: .events, &state)
        state.events.isEditingFilter = false
        return effects + derive(state.events.editFilter { $0 = TextField(id) }, .events)
    }
}

extension JournalEvent {
    /// The alert as words for the status bar: "key edge-2 REVOKED", "synchronizer db-1 disabled".
    var alertText: String {
        let noun = resource == .synvoKey ? "key" : resource.rawValue
        let label = name ?? itemID
        switch kind {
        case .statusChanged: return "\(noun) \(label) \(newValue ?? "changed")"
        default: return "\(noun) \(label) \(kind.rawValue) by someone else"
        }
    }
}
