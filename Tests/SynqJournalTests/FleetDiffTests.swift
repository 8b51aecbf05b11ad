import Foundation
import Testing
@testable import SynqJournal

@Suite struct FleetDiffTests {
    private func fleet(_ count: Int) -> [FleetRow] {
        (0..<count).map { FleetRow(id: "id-\($0)", name: "node-\($0)", enabled: true) }
    }

    @Test func identicalPollsHaveNoChanges() {
        let rows = fleet(50)
        #expect(FleetDiff.changes(from: rows, to: rows).isEmpty)
        #expect(FleetDiff.changes(from: [], to: []).isEmpty)
    }

    @Test func eachFieldIsItsOwnChange() {
        let old = [FleetRow(id: "a", name: "alpha", enabled: true),
                   FleetRow(id: "k", name: "ci", status: "ACTIVE", lastUsed: Date(timeIntervalSince1970: 0))]
        let new = [FleetRow(id: "a", name: "alpha-2", enabled: false),
                   FleetRow(id: "k", name: "ci", status: "REVOKED", lastUsed: Date(timeIntervalSince1970: 7200))]
        let changes = FleetDiff.changes(from: old, to: new)
        #expect(changes == [
            FleetChange(id: "a", name: "alpha-2", kind: .renamed, oldValue: "alpha", newValue: "alpha-2"),
            FleetChange(id: "a", name: "alpha-2", kind: .disabled, oldValue: "enabled", newValue: "disabled"),
            FleetChange(id: "k", name: "ci", kind: .statusChanged, oldValue: "ACTIVE", newValue: "REVOKED"),
            FleetChange(id: "k", name: "ci", kind: .lastUsed, oldValue: "1970-01-01T00:00:00Z", newValue: "1970-01-01T02:00:00Z"),
        ])
    }

    @Test func aKeyInSteadyUseIsNotAnEventEveryPoll() {
        let used = Date(timeIntervalSince1970: 1_800_000_000)
        let key = FleetRow(id: "k", name: "ci", status: "ACTIVE", lastUsed: used)
        var later = key
        later.lastUsed = used.addingTimeInterval(FleetDiff.idleBeforeUse - 1)
        #expect(FleetDiff.changes(from: [key], to: [later]).isEmpty)
        // Idle for the whole period, or never used before: that use is news.
        later.lastUsed = used.addingTimeInterval(FleetDiff.idleBeforeUse)
        #expect(FleetDiff.changes(from: [key], to: [later]).map(\.kind) == [.lastUsed])
        var unused = key
        unused.lastUsed = nil
        #expect(FleetDiff.changes(from: [unused], to: [key]).map(\.oldValue) == [nil])
    }

    @Test func enablingAndAnUnknownState() {
        let changes = FleetDiff.changes(from: [FleetRow(id: "a", name: "a", enabled: false), FleetRow(id: "b", name: "b", enabled: true)],
                                        to: [FleetRow(id: "a", name: "a", enabled: true), FleetRow(id: "b", name: "b", enabled: nil)])
        #expect(changes.map(\.kind) == [.enabled, .statusChanged])
        #expect(changes[1].newValue == "unknown")
    }

    @Test func appendedAndRemovedRowsAmongUnchangedOnes() {
        var old = fleet(1000)
        var new = old
        new[10].enabled = false
        new[900].name = "renamed"
        new.append(FleetRow(id: "fresh", name: "fresh", enabled: true))
        new.remove(at: 500)
        let changes = FleetDiff.changes(from: old, to: new)
        // In the order of the new poll; what vanished comes after what is still there.
        #expect(changes == [
            FleetChange(id: "id-10", name: "node-10", kind: .disabled, oldValue: "enabled", newValue: "disabled"),
            FleetChange(id: "id-900", name: "renamed", kind: .renamed, oldValue: "node-900", newValue: "renamed"),
            FleetChange(id: "fresh", name: "fresh", kind: .appeared, oldValue: nil, newValue: nil),
            FleetChange(id: "id-500", name: "node-500", kind: .disappeared, oldValue: nil, newValue: nil),
        ])
        // A row inserted at the front shifts every position: still only one change.
        old = fleet(200)
        new = [FleetRow(id: "first", name: "first")] + old
        #expect(FleetDiff.changes(from: old, to: new).map(\.kind) == [.appeared])
        #expect(FleetDiff.changes(from: new, to: old).map(\.kind) == [.disappeared])
    }

    @Test func aReorderedListIsNotAChange() {
        let old = fleet(300)
        #expect(FleetDiff.changes(from: old, to: old.reversed()).isEmpty)
        #expect(FleetDiff.changes(from: old, to: old.shuffled()).isEmpty)
    }

    @Test func everythingGoneAndEverythingNew() {
        let rows = fleet(3)
        #expect(FleetDiff.changes(from: rows, to: []).map(\.kind) == [.disappeared, .disappeared, .disappeared])
        #expect(FleetDiff.changes(from: [], to: rows).map(\.id) == ["id-0", "id-1", "id-2"])
    }

    @Test func duplicateIdsFromAServerDoNotInventChanges() {
        let old = [FleetRow(id: "x", name: "one"), FleetRow(id: "y", name: "y"), FleetRow(id: "x", name: "one")]
        let new = [FleetRow(id: "y", name: "y"), FleetRow(id: "x", name: "one"), FleetRow(id: "x", name: "one")]
        #expect(FleetDiff.changes(from: old, to: new).isEmpty)
    }

    @Test func matchesAHashTableDiffOnRandomPolls() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30 {
            let old = (0..<Int.random(in: 0...60, using: &generator)).map {
                FleetRow(id: "id-\($0)", name: "n\(Int.random(in: 0...3, using: &generator))", enabled: Bool.random(using: &generator))
            }
            var new = old.filter { _ in Int.random(in: 0..<10, using: &generator) > 0 }
            for index in new.indices where Bool.random(using: &generator) { new[index].enabled?.toggle() }
            new.insert(FleetRow(id: "new-\(Int.random(in: 0...99, using: &generator))", name: "new"),
                       at: Int.random(in: 0...new.count, using: &generator))
            #expect(Set(FleetDiff.changes(from: old, to: new)) == Set(reference(old, new)))
        }
    }

    /// The obvious diff, by dictionary, to check the aligned one against.
    private func reference(_ old: [FleetRow], _ new: [FleetRow]) -> [FleetChange] {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [FleetChange] = []
        for row in new where before[row.id] == nil {
            changes.append(FleetChange(id: row.id, name: row.name, kind: .appeared, oldValue: nil, newValue: nil))
        }
        for row in old where after[row.id] == nil {
            changes.append(FleetChange(id: row.id, name: row.name, kind: .disappeared, oldValue: nil, newValue: nil))
        }
        for row in new { if let previous = before[row.id] { FleetDiff.compare(previous, row, into: &changes) } }
        return changes
    }
}
