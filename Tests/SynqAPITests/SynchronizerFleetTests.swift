import Foundation
import SynqAPI
import Testing

/// The fleet keeps keys and ids that are canonical UUIDs as 16 bytes and every other text as
/// it came: each row must read back exactly as appended, whichever way each field is kept.
@Suite struct SynchronizerFleetTests {
    static let canonical = "9e3779b1-0001-4001-8000-000000000001"
    static let texts = [canonical, canonical.uppercased(), "", "k", "sync-1", String(canonical.dropLast()), canonical + "0",
                        "{\(canonical)}", "é-\(canonical.dropFirst(2))", "00000000-0000-0000-0000-000000000000"]

    /// Every pair of key and id kinds, with names of any shape.
    static let synchronizers: [Synchronizer] = {
        var rows: [Synchronizer] = []
        for (k, key) in texts.enumerated() {
            for (i, id) in texts.enumerated() {
                let name = ["relay-\(k)-\(i)", "", "界 \u{1b}[31m", "a\nb"][(k + i) % 4]
                rows.append(Synchronizer(id: id, key: key, name: name, isEnabled: [true, false, nil][(k * 3 + i) % 3],
                                         createdAt: (k + i) % 5 == 0 ? nil : Date(timeIntervalSince1970: 1_700_000_000 + Double(k * 100 + i))))
            }
        }
        return rows
    }()

    @Test func everyRowReadsBackAsAppendedWhicheverWayItsFieldsAreKept() {
        let fleet = SynchronizerFleet(Self.synchronizers)
        #expect(fleet.count == Self.synchronizers.count)
        for (row, expected) in Self.synchronizers.enumerated() {
            #expect(fleet[row] == expected, "row \(row)")
            for (field, text) in [(SynchronizerFleet.Field.name, expected.name), (.key, expected.key), (.id, expected.id)] {
                #expect(fleet.withText(field, row) { String(decoding: $0, as: UTF8.self) } == text, "row \(row) \(field)")
                let kept = fleet.uuid(field, row)
                // Canonical UUIDs are kept, except the nil UUID: a zero in the fleet's UUID column means "text".
                #expect((kept != nil) == (field != .name && CanonicalUUID(text).map { !$0.isZero } == true), "row \(row) \(field)")
                #expect((kept == nil) == (fleet.textRange(field, row) != nil))
                #expect(kept.map(\.text) ?? text == text)
            }
            let searchable = [expected.name, expected.key, expected.id].joined(separator: "\n")
            #expect(fleet.withSearchableText(row) { String(decoding: $0, as: UTF8.self) } == searchable, "row \(row)")
            fleet.withUnsafeColumns { columns in
                #expect(columns.withSearchableText(row) { String(decoding: $0, as: UTF8.self) } == searchable)
                #expect(columns.withText(.id, row) { String(decoding: $0, as: UTF8.self) } == expected.id)
                #expect(columns.uuid(.key, row) == fleet.uuid(.key, row))
            }
        }
    }

    @Test func canonicalUUIDsAreKeptOutOfTheArena() {
        // 72 of a typical row's ~100 bytes of text are its key and id: a million rows save 40 MB.
        let rows = (0..<100).map { index in
            Synchronizer(id: UUID().uuidString.lowercased(), key: UUID().uuidString.lowercased(), name: "relay-\(index)",
                         isEnabled: true, createdAt: nil)
        }
        let fleet = SynchronizerFleet(rows)
        #expect(fleet.arena.count == rows.reduce(0) { $0 + $1.name.utf8.count + 1 })
        #expect(Array(fleet) == rows)
    }

    @Test func fleetsAreEqualWhenTheirRowsAre() {
        let one = SynchronizerFleet(Self.synchronizers), two = SynchronizerFleet(Self.synchronizers)
        #expect(one == two)
        var changed = Self.synchronizers
        changed[0].id = "9e3779b1-0001-4001-8000-000000000002"
        #expect(SynchronizerFleet(changed) != one)
        changed = Self.synchronizers
        changed[0].key = "9e3779b1-0001-4001-8000-000000000002"
        #expect(SynchronizerFleet(changed) != one)
    }
}
