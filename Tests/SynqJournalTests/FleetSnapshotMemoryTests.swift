import Foundation
import Testing
import SynqAPI
@testable import SynqJournal

/// The journal keeps the last poll of a list as its baseline for the next one: for a
/// synchronizer fleet that snapshot must not be a second copy of the fleet's text (at a
/// million rows a copy was about 100 MB kept, twice that while it was laid out).
@Suite struct FleetSnapshotMemoryTests {
    @Test func aFleetsSnapshotKeepsNoCopyOfItsText() {
        let count = 100_000
        let fleet = SynchronizerFleet((0..<count).map { row in
            Synchronizer(id: String(format: "%08x-0000-4000-8000-%012x", (row &* 2_654_435_761) & 0xFFFF_FFFF, row),
                         key: "synq-key-\(row)", name: "relay-\(row)", isEnabled: row % 2 == 0)
        })
        let snapshot = FleetSnapshot(fleet)
        #expect(snapshot.count == count)
        // It reads the fleet's own arena (shared with the table), not a copy of ids and names.
        #expect(snapshot.shares(fleet))
    }

    @Test func aFleetsSnapshotReadsRowsInIDOrder() {
        let fleet = SynchronizerFleet([
            Synchronizer(id: "c", key: "k3", name: "three", isEnabled: nil),
            Synchronizer(id: "a", key: "k1", name: "one", isEnabled: true),
            Synchronizer(id: "b", key: "k2", name: "two", isEnabled: false),
            Synchronizer(id: "a", key: "k4", name: "again", isEnabled: false),
        ])
        let snapshot = FleetSnapshot(fleet)
        #expect((0..<snapshot.count).map { snapshot.row($0) } == [
            FleetRow(id: "a", name: "one", enabled: true), FleetRow(id: "a", name: "again", enabled: false),
            FleetRow(id: "b", name: "two", enabled: false), FleetRow(id: "c", name: "three", enabled: nil),
        ])
    }
}
