import Foundation
import SynqText

extension AppState {
    /// When the store should next send `.tick`: the earliest due poll, highlight expiry,
    /// message expiry, next second of a countdown or of the visible pane's stale age, or the
    /// next change of its "updated … ago"; at most 30 s away so the tables' relative times stay
    /// current. Nil after quit.
    public func nextWake() -> Date? {
        guard !quitRequested else { return nil }
        var candidates: [Date] = [now.addingTimeInterval(30)]
        for kind in ResourceKind.allCases {
            let resource = resource(kind)
            if !resource.inFlight, let next = resource.nextPoll { candidates.append(next) }
            guard kind == pane.resource else { continue }
            // The status bar shows the visible pane's failure age in seconds, or its data's age.
            if resource.failure != nil {
                candidates.append(now.addingTimeInterval(1))
            } else if let loaded = resource.loadedAt {
                candidates.append(RelativeTime.nextChange(of: loaded, now: now))
            }
        }
        candidates.append(contentsOf: synchronizers.highlights.values.map(\.until))
        candidates.append(contentsOf: keys.highlights.values.map(\.until))
        candidates.append(contentsOf: events.highlights.values.map(\.until))
        if let message, message.kind != .error {
            candidates.append(message.at.addingTimeInterval(settings.messageDuration))
        }
        if let blocked = rateLimit?.blockedUntil, blocked > now {
            candidates.append(min(blocked, now.addingTimeInterval(1)))
        }
        return candidates.min().map { max($0, now) }
    }
}
