import Foundation
import SynqAPI

/// The changes between two polls of one list, as a pure function of their rows.
///
/// A merge walk over both polls in id order (each `FleetSnapshot` sorted its rows by id
/// once, when it was made): ids present in both are compared field by field as bytes, an id
/// only in the new poll appeared, one only in the old poll disappeared. No hash table and
/// no `String` for an unchanged row, so a million rows with 1% changed cost one sort of
/// the new poll and one linear pass. Changes come out in the new poll's order, then what
/// disappeared in the old poll's order; of rows sharing an id, the first one counts.
public enum FleetDiff {
    public static func changes(from old: [FleetRow], to new: [FleetRow]) -> [FleetChange] {
        changes(from: FleetSnapshot(old), to: FleetSnapshot(new))
    }

    public static func changes(from old: FleetSnapshot, to new: FleetSnapshot) -> [FleetChange] {
        // Each change with its place: the new row's position, or after all of them the old row's.
        var found: [(place: Int, change: FleetChange)] = []
        var changes: [FleetChange] = []
        old.withRows { oldRows in
            new.withRows { newRows in
                var oldCursor = 0, newCursor = 0
                while oldCursor < oldRows.count || newCursor < newRows.count {
                    let order: Int
                    if oldCursor == oldRows.count {
                        order = 1
                    } else if newCursor == newRows.count {
                        order = -1
                    } else {
                        order = oldRows.compareID(oldCursor, newRows, newCursor)
                    }
                    if order < 0 {
                        let row = oldRows.row(oldCursor)
                        found.append((newRows.count + oldRows.position(oldCursor),
                                      FleetChange(id: row.id, name: row.name, kind: .disappeared, oldValue: nil, newValue: nil)))
                        oldCursor = skipSameID(oldRows, from: oldCursor)
                    } else if order > 0 {
                        let row = newRows.row(newCursor)
                        found.append((newRows.position(newCursor),
                                      FleetChange(id: row.id, name: row.name, kind: .appeared, oldValue: nil, newValue: nil)))
                        newCursor = skipSameID(newRows, from: newCursor)
                    } else {
                        if !oldRows.sameValues(oldCursor, newRows, newCursor) {
                            changes.removeAll(keepingCapacity: true)
                            compare(oldRows.row(oldCursor), newRows.row(newCursor), into: &changes)
                            for change in changes { found.append((newRows.position(newCursor), change)) }
                        }
                        oldCursor = skipSameID(oldRows, from: oldCursor)
                        newCursor = skipSameID(newRows, from: newCursor)
                    }
                }
            }
        }
        // Stable: a row's several changes keep the order `compare` gave them.
        return found.enumerated().sorted { ($0.element.place, $0.offset) < ($1.element.place, $1.offset) }.map(\.element.change)
    }

    /// The next row past every row sharing the id at `index` (a server may repeat an id;
    /// the first one, in poll order, is the one compared).
    private static func skipSameID(_ rows: FleetSnapshot.Rows, from index: Int) -> Int {
        var next = index + 1
        while next < rows.count, rows.compareID(index, rows, next) == 0 { next += 1 }
        return next
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
