import Foundation
import SynqAPI
import SynqText

/// Poll policy: the visible pane's resource is polled every `refreshInterval` (the Synvo
/// keys stretched to fit the rate-limit budget); hidden panes are not polled and are
/// fetched on switching to them unless fresh. A resource is never requested while a
/// request for it is out. Failures back off exponentially (2×, 4×, … the interval, capped
/// at `maxBackoff`); a 429 waits until the reset.
extension Reducer {
    static func start(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for kind in ResourceKind.allCases where state.configured.contains(kind.service) && state.settings.polledResources?.contains(kind) != false {
            effects += fetch(kind, &state)
        }
        // Only the pane on screen asks for its missing key; the other asks when shown and
        // Enter is pressed, so a prompt never opens under keys typed for something else.
        if state.settings.canAskForCredentials, !state.isConfigured(state.pane), let service = state.pane.service {
            state.modal = .prompt(Prompt(purpose: .credential(service)))
        }
        if state.isReadOnly {
            say("Read-only: keys that would change a server are off (--readonly)", .info, &state)
        }
        return effects
    }

    /// Sends a request for `kind` unless one is out or a 429 block holds it.
    static func fetch(_ kind: ResourceKind, _ state: inout AppState) -> [Effect] {
        guard state.configured.contains(kind.service), !state.resource(kind).inFlight else { return [] }
        if kind.service == .synvo, let blocked = state.rateLimit?.blockedUntil, blocked > state.now {
            state.updateResource(kind) { $0.nextPoll = blocked }
            return []
        }
        let now = state.now
        state.updateResource(kind) {
            $0.inFlight = true
            $0.nextPoll = nil
            $0.lastAttempt = now
        }
        return [.fetch(kind)]
    }

    /// A pane became visible: fetch it now unless its data is younger than the interval
    /// (or, after failures, unless the back-off since the last attempt has not passed).
    static func scheduleOnShow(_ kind: ResourceKind, _ state: inout AppState) -> [Effect] {
        let resource = state.resource(kind)
        guard state.configured.contains(kind.service), state.rejectedKeys[kind.service] == nil, !resource.inFlight else { return [] }
        let reference = resource.failure == nil ? resource.loadedAt : resource.lastAttempt
        if let reference {
            let due = reference.addingTimeInterval(interval(for: kind, state))
            if due > state.now {
                state.updateResource(kind) { $0.nextPoll = due }
                return []
            }
        }
        return fetch(kind, &state)
    }

    /// `r`: the visible pane's resource, now (on the Events pane, every polled one).
    static func refreshVisible(_ state: inout AppState) -> [Effect] {
        guard let kind = state.pane.resource else {
            let kinds = ResourceKind.allCases.filter { state.isPolled($0) && state.configured.contains($0.service) && !state.resource($0).inFlight }
            return kinds.flatMap { kind in
                kind.service == .synvo && state.rateLimit.map { !$0.allowsUserRequest(now: state.now) } == true ? [] : fetch(kind, &state)
            }
        }
        guard state.configured.contains(kind.service) else { return [] }
        if state.resource(kind).inFlight {
            say("Already refreshing \(state.pane.title.lowercased())…", .info, &state)
            return []
        }
        if kind.service == .synvo, let budget = state.rateLimit, !budget.allowsUserRequest(now: state.now) {
            let wait = budget.countdown(now: state.now) ?? Int(max(0, budget.reset.timeIntervalSince(state.now)).rounded(.up))
            say("Synvo rate limit: next request in \(RelativeTime.duration(wait))", .error, &state)
            return []
        }
        return fetch(kind, &state)
    }

    /// Time passed: expire highlights and messages, lift an elapsed 429 block, send due polls.
    static func tick(_ state: inout AppState) -> [Effect] {
        let now = state.now
        state.synchronizers.highlights = state.synchronizers.highlights.filter { $0.value.until > now }
        state.keys.highlights = state.keys.highlights.filter { $0.value.until > now }
        state.events.highlights = state.events.highlights.filter { $0.value.until > now }
        if let message = state.message, message.kind != .error,
           now.timeIntervalSince(message.at) >= state.settings.messageDuration {
            state.message = nil
        }
        if let blocked = state.rateLimit?.blockedUntil, blocked <= now {
            state.rateLimit?.blockedUntil = nil
        }
        var effects: [Effect] = []
        for kind in ResourceKind.allCases {
            let resource = state.resource(kind)
            if !resource.inFlight, let due = resource.nextPoll, due <= now {
                effects += fetch(kind, &state)
            }
        }
        return effects
    }

    /// The poll interval for `kind` now: the refresh interval, stretched by the Synvo
    /// budget, or the back-off after failures.
    static func interval(for kind: ResourceKind, _ state: AppState) -> TimeInterval {
        let settings = state.settings
        let base = settings.refreshInterval
        let failures = state.resource(kind).failures
        var seconds = base
        if failures > 0 {
            seconds = min(settings.maxBackoff, base * pow(2, Double(min(failures, 20))))
        }
        if kind.service == .synvo, let budget = state.rateLimit {
            seconds = max(seconds, budget.pollInterval(base: base, now: state.now))
        }
        return min(seconds, RateLimitBudget.longestWait)
    }

    /// After an answer: the next poll if the pane is visible, none if hidden.
    static func scheduleNext(_ kind: ResourceKind, _ state: inout AppState) {
        var next: Date? = nil
        if state.isPolled(kind), state.rejectedKeys[kind.service] == nil {
            next = state.now.addingTimeInterval(interval(for: kind, state))
            if kind.service == .synvo, let blocked = state.rateLimit?.blockedUntil, blocked > state.now {
                next = blocked
            }
        }
        state.updateResource(kind) { $0.nextPoll = next }
    }

    static func markLoaded(_ kind: ResourceKind, at: Date, _ state: inout AppState) {
        state.rejectedKeys[kind.service] = nil
        state.updateResource(kind) {
            $0.inFlight = false
            $0.loadedAt = at
            $0.failures = 0
            $0.failure = nil
        }
        scheduleNext(kind, &state)
    }

    static func markFailed(_ kind: ResourceKind, _ error: APIError, at: Date, _ state: inout AppState) {
        var isRateLimited = false
        if case .rateLimited(_, let resetAt, let limit) = error {
            isRateLimited = true
            block(until: resetAt, limit: limit, for: kind.service, &state)
        }
        if case .unauthorized = error { rejectKey(kind.service, reason: failureText(error), &state) }
        state.updateResource(kind) {
            $0.inFlight = false
            $0.failures += 1
            let since = $0.failure?.since ?? at
            $0.failure = LoadFailure(message: failureText(error), since: since, isRateLimited: isRateLimited)
        }
        scheduleNext(kind, &state)
        // An Enterprise 429 has no budget to track, but its reset still says when to retry.
        if case .rateLimited(.enterprise, let resetAt?, _) = error, state.isPolled(kind) {
            let retry = min(max(resetAt, state.now), state.now.addingTimeInterval(RateLimitBudget.longestWait))
            state.updateResource(kind) { $0.nextPoll = max($0.nextPoll ?? retry, retry) }
        }
    }

    /// An error as it stays on screen. A 429's own description counts down from the moment it
    /// was written ("the limit resets in 7s") and would freeze there, so it is left out: the
    /// countdown in the status bar says when instead.
    static func failureText(_ error: APIError) -> String {
        if case .rateLimited(let service, _, _) = error { return "\(service.displayName): rate limited (429)" }
        return error.description
    }

    /// Records a 429: no Synvo request until the reset (a minute if the server gave none).
    static func block(until resetAt: Date?, limit: RateLimit?, for service: Service, _ state: inout AppState) {
        guard service == .synvo else { return }
        let longest = state.now.addingTimeInterval(RateLimitBudget.longestWait)
        let until = min(max(resetAt ?? state.now.addingTimeInterval(60), state.now.addingTimeInterval(1)), longest)
        var budget = limit.map(RateLimitBudget.init) ?? state.rateLimit
            ?? RateLimitBudget(limit: 0, remaining: 0, reset: until)
        budget.remaining = 0
        budget.blockedUntil = until
        if budget.reset < until { budget.reset = until }
        state.rateLimit = budget
    }

    static func updateBudget(_ limit: RateLimit?, _ state: inout AppState) {
        guard let limit else { return }
        state.rateLimit = RateLimitBudget(limit)
    }

    // MARK: - Results

    static func synchronizersLoaded(_ result: Result<SynchronizerList, APIError>, at: Date, _ state: inout AppState) -> [Effect] {
        switch result {
        case .success(let list):
            var storage = SynchronizerStorage(fleet: list.fleet)
            // A toggle still in flight keeps its optimistic state over a poll that raced it.
            for (id, pending) in state.pendingToggles {
                guard let index = storage.index(of: id) else { continue }
                var row = storage.row(at: index)
                row.isEnabled = pending.enable
                storage.upsert(row)
            }
            let firstLoad = state.synchronizersResource.loadedAt == nil
            let pass = applyRows(storage, to: &state.synchronizers, highlight: !firstLoad, at: at, duration: state.settings.highlightDuration)
            markLoaded(.synchronizers, at: at, &state)
            reportSkipped(list.skipped, noun: "synchronizer", of: .synchronizers, &state)
            return derive(pass, .synchronizers)
        case .failure(let error):
            markFailed(.synchronizers, error, at: at, &state)
        }
        return []
    }

    static func preferencesLoaded(_ result: Result<PreferencesResponse, APIError>, at: Date, _ state: inout AppState) -> [Effect] {
        switch result {
        case .success(let response):
            state.preferences = PreferencesView(response)
            markLoaded(.preferences, at: at, &state)
        case .failure(let error):
            markFailed(.preferences, error, at: at, &state)
        }
        return []
    }

    static func keysLoaded(_ result: Result<RateLimited<SynvoKeyList>, APIError>, at: Date, _ state: inout AppState) -> [Effect] {
        switch result {
        case .success(let answer):
            updateBudget(answer.rateLimit, &state)
            let firstLoad = state.keysResource.loadedAt == nil
            let pass = applyRows(ArrayTableStorage(rows: answer.value.items.map(SynvoKeyRow.init)), to: &state.keys,
                                 highlight: !firstLoad, at: at, duration: state.settings.highlightDuration)
            markLoaded(.keys, at: at, &state)
            reportSkipped(answer.value.skipped, noun: "Synvo key", of: .keys, &state)
            return derive(pass, .keys)
        case .failure(let error):
            markFailed(.keys, error, at: at, &state)
        }
        return []
    }

    /// Says how many rows of a list could not be read, or, once a list reads cleanly again,
    /// takes back what was said about the earlier one.
    static func reportSkipped(_ skipped: Int, noun: String, of kind: ResourceKind, _ state: inout AppState) {
        if skipped > 0 {
            say("\(skipped) \(noun)\(skipped == 1 ? "" : "s") could not be read and \(skipped == 1 ? "is" : "are") not shown", .error, about: kind, &state)
        } else if state.message?.resource == kind {
            state.message = nil
        }
    }

    /// Replaces a table's rows, highlighting rows that are new or changed since the
    /// previous poll (not on the first load, where everything would be "new").
    static func applyRows<Row>(_ rows: Row.Storage, to table: inout TableState<Row>, highlight: Bool, at: Date,
                               duration: TimeInterval) -> TableDerivation? {
        // A large table compares old and new off the render loop, in its pass.
        if rows.count <= TableState<Row>.inlineLimit, rows == table.storage { return nil }
        return table.replaceAll(rows, highlightUntil: highlight && duration > 0 ? at.addingTimeInterval(duration) : nil)
    }
}
