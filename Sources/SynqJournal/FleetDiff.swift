import Foundation
import SynqAPI

/// The changes between two polls of one list, as a pure function of their rows.
///
/// Lists come back in a stable server order, so most rows sit at the same position in both
/// polls: the common prefix and suffix (matched by id) are compared in place, and only the
/// stretch between them, where rows appeared, vanished or moved, goes through a hash table.
/// At a million rows with 1% changed values that is one pass of string compares.
public enum FleetDiff {
    public static func changes(from old: [FleetRow], to new: [FleetRow]) -> [FleetChange] {
        var changes: [FleetChange] = []
        let shared = min(old.count, new.count)
        var prefix = 0
        while prefix < shared, old[prefix].id == new[prefix].id { prefix += 1 }
        var suffix = 0
        while suffix < shared - prefix, old[old.count - 1 - suffix].id == new[new.count - 1 - suffix].id { suffix += 1 }

        for index in 0..<prefix { compare(old[index], new[index], into: &changes) }
        let oldMiddle = prefix..<(old.count - suffix)
        let newMiddle = prefix..<(new.count - suffix)
        if !oldMiddle.isEmpty || !newMiddle.isEmpty {
            matchMiddle(old[oldMiddle], new[newMiddle], into: &changes)
        }
        for offset in stride(from: suffix, to: 0, by: -1) {
            compare(old[old.count - offset], new[new.count - offset], into: &changes)
        }
        return changes
    }

    /// Rows between the aligned ends: matched by id; what is left on the old side vanished.
    private static func matchMiddle(_ old: ArraySlice<FleetRow>, _ new: ArraySlice<FleetRow>, into changes: inout [FleetChange]) {
        var oldByID: [String: Int] = [:]
        oldByID.reserveCapacity(old.count)
        for index in old.indices where oldByID[old[index].id] == nil { oldByID[old[index].id] = index }
        var seenNew: Set<String> = []
        seenNew.reserveCapacity(new.count)
        for row in new where seenNew.insert(row.id).inserted {
            if let index = oldByID.removeValue(forKey: row.id) {
                compare(old[index], row, into: &changes)
            } else {
                changes.append(FleetChange(id: row.id, name: row.name, kind: .appeared, oldValue: nil, newValue: nil))
            }
        }
        for index in oldByID.values.sorted() {
            let row = old[index]
            changes.append(FleetChange(id: row.id, name: row.name, kind: .disappeared, oldValue: nil, newValue: nil))
        }
    }

    /// The same item in two polls: one change per field that differs.
    static func compare(_ old: FleetRow, _ new: FleetRow, into changes: inout [FleetChange]) {
        if old.name == new.name, old.enabled == new.enabled, old.status == new.status, old.lastUsed == new.lastUsed { return }
        let name = new.name ?? old.name
        if old.name != new.name {
            changes.append(FleetChange(id: new.id, name: name, kind: .renamed, oldValue: old.name, newValue: new.name))
        }
        if old.enabled != new.enabled {
            let kind: EventKind = switch new.enabled {
            case true?: .enabled
            case false?: .disabled
            case nil: .statusChanged
            }
            changes.append(FleetChange(id: new.id, name: name, kind: kind, oldValue: stateText(old.enabled), newValue: stateText(new.enabled)))
        }
        if old.status != new.status {
            changes.append(FleetChange(id: new.id, name: name, kind: .statusChanged, oldValue: old.status, newValue: new.status))
        }
        if let used = new.lastUsed, old.lastUsed.map({ used.timeIntervalSince($0) >= idleBeforeUse }) ?? true {
            changes.append(FleetChange(id: new.id, name: name, kind: .lastUsed,
                                       oldValue: old.lastUsed.map(JSONCoding.formatDate), newValue: new.lastUsed.map(JSONCoding.formatDate)))
        }
    }

    /// A key's new last use is an event only after it lay idle this long (or was never used):
    /// a key in steady use, synq's own polling key among them, would otherwise be an event
    /// every poll, drowning the one that matters, the forgotten key that is used again.
    public static let idleBeforeUse: TimeInterval = 3600

    /// A synchronizer's state as the journal writes it.
    public static func stateText(_ enabled: Bool?) -> String {
        switch enabled {
        case true?: "enabled"
        case false?: "disabled"
        case nil: "unknown"
        }
    }
}
