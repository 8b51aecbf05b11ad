import SynqViewModel
import SynqText

/// What the status bar says for a state: pane counts, freshness or the error and its age,
/// marks and pending toggles, the Synvo budget or 429 countdown, read-only, the help hint.
///
/// Priorities (higher stays longer on a narrow line): read-only 100, 429 countdown 95, a
/// prompt's error 90, a failing load 85, a prompt's hint 80, `? help` 70, pending 65,
/// creating 64, marks 60, the budget 55 on the keys pane or when low (45 elsewhere), loading
/// 50, counts 40, "updated … ago" 30.
enum StatusLine {
    static func segments(_ state: AppState, glyphs: Glyphs) -> [StatusBar.Segment] {
        typealias Segment = StatusBar.Segment
        var result: [Segment] = []
        if case .prompt(let prompt)? = state.modal {
            if let error = prompt.error { result.append(Segment(text: error, role: .statusError, priority: 90)) }
            result.append(Segment(text: prompt.hint, role: .statusBar, priority: 80))
            return result
        }
        if state.isReadOnly { result.append(Segment(text: "READ-ONLY", role: .readonly, priority: 100, short: "RO")) }
        let dot = glyphs.unicode ? " · " : ", "
        switch state.pane {
        case .synchronizers:
            let table = state.synchronizers
            let enabled = table.activeCount
            var text = "\(Count.text(table.all.count)) synchronizer\(table.all.count == 1 ? "" : "s")"
            if !table.all.isEmpty { text += dot + "\(Count.text(enabled)) enabled" }
            if table.isFiltered { text += dot + "\(Count.text(table.rows.count)) shown" }
            if state.isConfigured(.synchronizers) {
                result.append(Segment(text: text, role: .statusBar, priority: 40, short: "\(Count.text(table.rows.count))/\(Count.text(table.all.count))" + " \(glyphs.unicode ? "●" : "*")\(Count.text(enabled))"))
            }
            if !table.marked.isEmpty { result.append(Segment(text: "\(Count.text(table.marked.count)) marked", role: .statusInfo, priority: 60)) }
        case .keys:
            let table = state.keys
            var text = "\(Count.text(table.all.count)) key\(table.all.count == 1 ? "" : "s")"
            if !table.all.isEmpty { text += dot + "\(Count.text(table.activeCount)) active" }
            if table.isFiltered { text += dot + "\(Count.text(table.rows.count)) shown" }
            if state.isConfigured(.keys) {
                result.append(Segment(text: text, role: .statusBar, priority: 40, short: "\(Count.text(table.rows.count))/\(Count.text(table.all.count)) keys"))
            }
        case .events:
            let table = state.events
            var text = "\(Count.text(table.all.count)) event\(table.all.count == 1 ? "" : "s")"
            if table.isFiltered { text += dot + "\(Count.text(table.rows.count)) shown" }
            result.append(Segment(text: text, role: .statusBar, priority: 40, short: "\(Count.text(table.rows.count))/\(Count.text(table.all.count))"))
            if state.journal.problem != nil {
                result.append(Segment(text: "no history kept", role: .statusWarning, priority: 70, short: "no history"))
            }
        case .preferences:
            break
        }
        if !state.pendingToggles.isEmpty {
            result.append(Segment(text: "\(glyphs.pending) \(Count.text(state.pendingToggles.count)) pending", role: .statusInfo, priority: 65))
        }
        if state.isCreating { result.append(Segment(text: "creating\(glyphs.ellipsis)", role: .statusInfo, priority: 64)) }
        if state.isConfigured(state.pane), let kind = state.pane.resource {
            switch state.resource(kind).status {
            case .neverLoaded:
                break
            case .loading:
                result.append(Segment(text: "loading\(glyphs.ellipsis)", role: .statusInfo, priority: 50))
            case .loaded(let at):
                let age = RelativeTime.ago(at, now: state.now)
                result.append(Segment(text: "updated " + age, role: .statusBar, priority: 30, short: age))
            case .stale(let error, let since, let lastGood):
                // "stale" only when old data is on screen; before any data, the load is failing.
                let age = RelativeTime.duration(Int(state.now.timeIntervalSince(since)))
                let word = lastGood == nil ? "failing for" : "stale"
                result.append(Segment(text: "\(word) \(age): \(error)", role: .statusError, priority: 85, short: "\(word) \(age)"))
            }
        }
        if let countdown = state.rateLimitCountdown {
            let wait = RelativeTime.duration(countdown)
            result.append(Segment(text: "rate limited, retry in \(wait)", role: .statusWarning, priority: 95, side: .right, short: "429 \(wait)"))
        } else if let budget = state.rateLimit, state.isConfigured(.keys) {
            let low = budget.remaining <= budget.reserve
            // Labelled: a bare "97/100" does not say it is the Synvo requests left in this rate-limit window.
            result.append(Segment(text: "Synvo budget \(budget.remaining)/\(budget.limit)", role: low ? .statusWarning : .statusInfo,
                                  priority: state.pane == .keys || low ? 55 : 45, side: .right, short: "\(budget.remaining)/\(budget.limit)"))
        }
        // The way to every other key outlives counts, ages and the budget.
        result.append(Segment(text: "? help", role: .statusBar, priority: 70, side: .right))
        return result
    }
}
