import Foundation
import Testing
import SynqAPI
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

    @Test func idsSharingLongPrefixesInAnyOrderMatchTheHashTableDiff() {
        var generator = SystemRandomNumberGenerator()
        // Ids alike in their first eight bytes and more, an empty id, non-ASCII ids, duplicates,
        // rows without a name, and the poll in a new order each time.
        let pool = ["", "a", "ab", "abcdefgh", "abcdefgh0", "abcdefgh1", "abcdefghij-0001", "abcdefghij-0002",
                    "zzzzzzzzzzzzzzzz", "é", "日本", "日本語", "~"]
        for _ in 0..<40 {
            let old = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                FleetRow(id: pool.randomElement(using: &generator)!, name: Bool.random(using: &generator) ? nil : "n\(Int.random(in: 0...2, using: &generator))",
                         enabled: [true, false, nil].randomElement(using: &generator)!)
            }
            var new = old.filter { _ in Int.random(in: 0..<5, using: &generator) > 0 }
            for index in new.indices where Bool.random(using: &generator) { new[index].enabled = [true, false, nil].randomElement(using: &generator)! }
            for index in new.indices where Int.random(in: 0..<4, using: &generator) == 0 { new[index].name = "renamed" }
            new.append(FleetRow(id: pool.randomElement(using: &generator)!, name: "late"))
            new.shuffle(using: &generator)
            #expect(Set(FleetDiff.changes(from: old, to: new)) == Set(reference(old, new)))
        }
    }

    @Test func fleetSnapshotsMatchTheHashTableDiffForIdsSharingPrefixes() {
        // A synchronizer poll's snapshot orders and compares ids by their first eight bytes
        // first, read in place from the fleet: ids alike in those bytes (a NUL byte among them,
        // as zero padding is), shorter than them, duplicated, in a new order each poll.
        var generator = SystemRandomNumberGenerator()
        // Canonical UUIDs (which the fleet keeps as 16 bytes, compared as numbers) among ids
        // that share their text: upper case, one digit short or long, a prefix, with braces.
        let pool = ["", "a", "ab", "ab\u{0}", "abcdefgh", "abcdefgh0", "abcdefgh1", "abcdefghij-0001", "abcdefghij-0002",
                    "zzzzzzzzzzzzzzzz", "é", "日本", "日本語", "~",
                    "abcdefab-0000-4000-8000-000000000001", "abcdefab-0000-4000-8000-000000000002", "abcdefab-0000-4000-8000-00000000000",
                    "abcdefab-0000-4000-8000-0000000000010", "ABCDEFAB-0000-4000-8000-000000000001", "abcdefab", "abcdefab-",
                    "abcdefab-0000-4000-8000-100000000000", "abcdefab-0000-4000-9000-000000000000", "{abcdefab-0000-4000-8000-000000000001}",
                    "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"]
        func fleet(_ rows: [FleetRow]) -> SynchronizerFleet {
            SynchronizerFleet(rows.map { Synchronizer(id: $0.id, key: "k", name: $0.name ?? "", isEnabled: $0.enabled) })
        }
        for _ in 0..<60 {
            let old = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                FleetRow(id: pool.randomElement(using: &generator)!, name: "n\(Int.random(in: 0...2, using: &generator))",
                         enabled: [true, false, nil].randomElement(using: &generator)!)
            }
            var new = old.filter { _ in Int.random(in: 0..<5, using: &generator) > 0 }
            for index in new.indices where Bool.random(using: &generator) { new[index].enabled = [true, false, nil].randomElement(using: &generator)! }
            for index in new.indices where Int.random(in: 0..<4, using: &generator) == 0 { new[index].name = "renamed" }
            new.append(FleetRow(id: pool.randomElement(using: &generator)!, name: "late", enabled: true))
            new.shuffle(using: &generator)
            let changes = FleetDiff.changes(from: FleetSnapshot(fleet(old)), to: FleetSnapshot(fleet(new)))
            #expect(Set(changes) == Set(reference(old, new)), "\(old) → \(new)")
        }
    }

    @Test func idsAreTheServersBytesNotCanonicallyEquivalentText() {
        // Swift's String calls these equal; the server holds two different ids.
        let composed = FleetRow(id: "\u{e9}", name: "one"), decomposed = FleetRow(id: "e\u{301}", name: "one")
        #expect(FleetDiff.changes(from: [composed], to: [decomposed]).map(\.kind) == [.appeared, .disappeared])
    }

    @Test func aFleetsSnapshotDiffsLikeItsRowsAndLeavesTheKeysBehind() {
        func fleet(_ items: [(String, String, Bool?)]) -> SynchronizerFleet {
            SynchronizerFleet(items.map { Synchronizer(id: $0.0, key: "synq-key-\($0.0)", name: $0.1, isEnabled: $0.2) })
        }
        let old = fleet([("b", "beta", true), ("a", "alpha", true), ("c", "gamma", nil)])
        let new = fleet([("d", "delta", true), ("a", "alpha", false), ("c", "gamma-2", nil)])
        let changes = FleetDiff.changes(from: FleetSnapshot(old), to: FleetSnapshot(new))
        #expect(changes == [
            FleetChange(id: "d", name: "delta", kind: .appeared, oldValue: nil, newValue: nil),
            FleetChange(id: "a", name: "alpha", kind: .disabled, oldValue: "enabled", newValue: "disabled"),
            FleetChange(id: "c", name: "gamma-2", kind: .renamed, oldValue: "gamma", newValue: "gamma-2"),
            FleetChange(id: "b", name: "beta", kind: .disappeared, oldValue: nil, newValue: nil),
        ])
        let rows = { (fleet: SynchronizerFleet) in fleet.map { FleetRow(id: $0.id, name: $0.name, enabled: $0.isEnabled) } }
        #expect(FleetDiff.changes(from: rows(old), to: rows(new)) == changes)
        let snapshot = FleetSnapshot(new)
        let texts = (0..<snapshot.count).map { snapshot.row($0) }.flatMap { [$0.id, $0.name ?? "", $0.status ?? ""] }
        #expect(!texts.joined().contains("synq-key"))
    }

    /// The obvious diff, by dictionary, to check the aligned one against.
    private func reference(_ old: [FleetRow], _ new: [FleetRow]) -> [FleetChange] {
        // Of rows sharing an id, the first counts.
        var seen: Set<String> = []
        let old = old.filter { seen.insert($0.id).inserted }
        seen = []
        let new = new.filter { seen.insert($0.id).inserted }
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
