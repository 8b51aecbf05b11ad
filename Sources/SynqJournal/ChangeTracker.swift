import Foundation

/// Turns observations into events: remembers the last poll of each list per profile, so
/// the first poll is a silent baseline and later ones yield only their differences, and
/// remembers synq's own recent actions, so the poll that confirms one is not journalled a
/// second time as if it came from outside. A value with no I/O; the `Journal` actor owns one.
public struct ChangeTracker: Sendable {
    /// How long a synq action waits for the poll that confirms it.
    public static let confirmationWindow: TimeInterval = 600
    /// Longest name or value kept in an event, in characters; a hostile server cannot grow
    /// the journal by sending megabyte names.
    public static let valueLimit = 512

    private struct ListKey: Hashable {
        var profile: String
        var resource: JournalResource
    }

    private struct ActionKey: Hashable {
        var profile: String
        var resource: JournalResource
        var itemID: String
    }

    /// What synq did and is waiting to see in a poll.
    private struct PendingAction {
        var kind: EventKind
        var newValue: String?
        var until: Date
    }

    private var lists: [ListKey: FleetSnapshot] = [:]
    private var preferences: [String: PreferenceValues] = [:]
    private var pending: [ActionKey: PendingAction] = [:]

    public init() {}

    /// The events an observation stands for (none for a baseline).
    public mutating func observe(_ observation: Observation) -> [JournalEvent] {
        let profile = observation.profile
        let at = observation.at
        pending = pending.filter { $0.value.until > at }
        switch observation.content {
        case .synchronizers(let list):
            return diffList(.synchronizer, FleetSnapshot(list.fleet), profile: profile, at: at)
        case .synvoKeys(let list):
            return diffList(.synvoKey, FleetSnapshot(list), profile: profile, at: at)
        case .preferences(let response):
            let values = PreferenceValues(response)
            defer { preferences[profile] = values }
            guard let old = preferences[profile] else { return [] }
            return values.changes(from: old).map { stamp($0, .preferences, profile: profile, at: at, origin: .observed) }
        case .toggled(let id, let name, let enabled):
            let change = FleetChange(id: id, name: name, kind: enabled ? .enabled : .disabled,
                                     oldValue: FleetDiff.stateText(!enabled), newValue: FleetDiff.stateText(enabled))
            return [recordOwn(change, .synchronizer, profile: profile, at: at)]
        case .created(let resource, let id, let name):
            let change = FleetChange(id: id, name: name, kind: .appeared, oldValue: nil, newValue: nil)
            return [recordOwn(change, resource, profile: profile, at: at)]
        }
    }

    /// True once a list of this resource has been seen for the profile.
    public func hasBaseline(_ resource: JournalResource, profile: String) -> Bool {
        if resource == .preferences { return preferences[profile] != nil }
        return lists[ListKey(profile: profile, resource: resource)] != nil
    }

    private mutating func diffList(_ resource: JournalResource, _ rows: FleetSnapshot, profile: String, at: Date) -> [JournalEvent] {
        let key = ListKey(profile: profile, resource: resource)
        let previous = lists.updateValue(rows, forKey: key)
        guard let previous else { return [] }
        var events: [JournalEvent] = []
        for change in FleetDiff.changes(from: previous, to: rows) {
            let actionKey = ActionKey(profile: profile, resource: resource, itemID: change.id)
            if let own = pending[actionKey], own.kind == change.kind, own.newValue == change.newValue {
                // synq's own action, journalled when it succeeded: this poll only confirms it.
                pending[actionKey] = nil
                continue
            }
            events.append(stamp(change, resource, profile: profile, at: at, origin: .observed))
        }
        return events
    }

    /// synq's own action: journalled now, and expected in a later poll. A newer action on
    /// the same item replaces the older expectation.
    private mutating func recordOwn(_ change: FleetChange, _ resource: JournalResource, profile: String, at: Date) -> JournalEvent {
        let key = ActionKey(profile: profile, resource: resource, itemID: change.id)
        pending[key] = PendingAction(kind: change.kind, newValue: change.newValue, until: at.addingTimeInterval(Self.confirmationWindow))
        return stamp(change, resource, profile: profile, at: at, origin: .synq)
    }

    private func stamp(_ change: FleetChange, _ resource: JournalResource, profile: String, at: Date, origin: EventOrigin) -> JournalEvent {
        JournalEvent(observedAt: at, profile: profile, resource: resource, itemID: Self.capped(change.id),
                     name: change.name.map(Self.capped), kind: change.kind,
                     oldValue: change.oldValue.map(Self.capped), newValue: change.newValue.map(Self.capped), origin: origin)
    }

    static func capped(_ text: String) -> String {
        text.utf8.count <= valueLimit ? text : String(text.prefix(valueLimit))
    }
}
