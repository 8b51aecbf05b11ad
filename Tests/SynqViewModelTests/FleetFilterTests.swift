import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

/// The fleet's filter (over its arena, with a lower-cased copy only of the rows that are
/// not ASCII) keeps exactly the rows the plain definition keeps: every term, case-folded,
/// against the row's searchable texts joined by newlines.
@Suite struct FleetFilterTests {
    static let names = ["prod-relay-eu-1", "Prod-Relay-US-2", "canary-relay-eu-3", "Staging EU", "東京-中継-01", "Zürich Relay",
                        "ZÜRICH relay 2", "İstanbul-prod", "ÉCLAIR-relay", "plain", "", "relay", "a\u{301}-accent", "STRASSE", "straße-9"]

    static func rows(_ count: Int) -> [SynchronizerRow] {
        (0..<count).map { index in
            let name = names[index % names.count] + (index % 7 == 0 ? "" : "-\(index)")
            // Keys and ids that are canonical UUIDs (kept as bytes, not in the arena), upper-case
            // ones (kept as text) and plain text, in every mix.
            let uuid = String(format: "%08x-%04x-4%03x-8000-%012x", (index &* 2_654_435_761) & 0xFFFF_FFFF, index & 0xFFFF, index % 0xFFF, index)
            let key = index % 5 == 0 ? "KEY-\(index)-ABC" : index % 3 == 1 ? uuid : index % 7 == 2 ? uuid.uppercased() : "k\(index)-prod"
            let state: Bool? = index % 11 == 0 ? nil : index % 3 != 0
            let id = index % 4 == 1 ? uuid : index % 4 == 2 ? uuid.uppercased() : "id-\(index)-\(index % 13 == 0 ? "Ünïcode" : "x")"
            return SynchronizerRow(id: id, name: name, key: key, isEnabled: state, createdAt: nil)
        }
    }

    static let filters = [
        "relay", "RELAY", "zür", "ZÜR", "zürich relay", "istanbul", "i̇stanbul", "東京", "中継-01", "prod eu", "prod !eu", "!relay", "!relay !prod",
        "enabled", "disabled", "unknown", "nabl", "!enabled", "relay disabled", "key-", "abc", "id-1", "ünï", "ÜNÏ",
        "~^prod", "~relay-(eu|us)", "~^enabled$", "!~^k[0-9]+", "~[0-9]{3}$", "~ZÜRICH", "~é", "\\!x", "\\~x", "strasse", "straße",
        "-", "9", "x", "a\u{301}", "relay-eu relay", "eu-1 prod", "~(", "",
        // Parts of UUIDs: hex digits and dashes, across a dash, a whole one, in upper case, negated, as patterns.
        "4", "-4", "ab", "AB", "-8000-", "8000-0000", "0000000000", "!-8000-", "~^[0-9a-f]{8}-", "~-8000-0+1",
        "9e3779b1-0001-4001-8000-000000000001", "9E3779B1-0001", "relay 8000", "0001\n9e3779b1",
    ]

    @Test func theFleetKeepsWhatThePlainDefinitionKeeps() {
        let rows = Self.rows(600)
        var storage = SynchronizerStorage(rows: rows.dropLast(20))
        // Rows changed and added since the poll are read from their current values.
        var edited = rows
        for index in [3, 17, 250] {
            edited[index].name = "edited relay ZÜRICH \(index)"
            edited[index].isEnabled = !(edited[index].isEnabled ?? false)
            storage.upsert(edited[index])
        }
        for row in rows.suffix(20) { storage.upsert(row) }
        for text in Self.filters {
            let filter = RowFilter(text)
            let reference = edited.indices.filter { filter.matches(texts: edited[$0].searchableTexts) }
            let perRow = storage.matcher(for: filter)
            #expect(edited.indices.filter { perRow($0) } == reference, "row by row: \(text)")
            let whole = storage.matcher(for: filter, isCancelled: { false })
            #expect(whole.map { whole in edited.indices.filter { whole($0) } } == reference, "whole arena: \(text)")
        }
    }

    @Test func aLargeTableFiltersAndNarrowsLikeTheDefinition() throws {
        let rows = Self.rows(TableState<SynchronizerRow>.inlineLimit + 3_000)
        var table = TableState<SynchronizerRow>(rows: rows, sort: TableSort(column: .name))
        var typed = ""
        for character in "relay-eu" {
            typed.append(character)
            if let pass = table.editFilter({ $0.insert(String(character)) }) {
                table.land(try #require(pass.run(isCancelled: { false })))
            }
            let filter = RowFilter(typed)
            let expected = Set(rows.filter { filter.matches(texts: $0.searchableTexts) }.map(\.id))
            #expect(Set(table.rows.map(\.id)) == expected, "typed \(typed)")
        }
    }
}

extension FleetFilterTests {
    @Test func aCancelledSearchGivesNoAnswer() {
        let storage = SynchronizerStorage(rows: Self.rows(70_000))
        #expect(storage.matcher(for: RowFilter("relay"), isCancelled: { true }) == nil)
    }

    @Test func aHitIsCountedOnlyInTheRowThatHoldsIt() {
        // The arena is name, key, id of each row back to back: a needle must not be found
        // across the end of one row and the start of the next.
        let rows = [SynchronizerRow(id: "ab", name: "x", key: "k", isEnabled: true, createdAt: nil),
                    SynchronizerRow(id: "i2", name: "cd", key: "k2", isEnabled: true, createdAt: nil),
                    SynchronizerRow(id: "i3", name: "relay", key: "k3", isEnabled: true, createdAt: nil)]
        let storage = SynchronizerStorage(rows: rows)
        for text in ["abcd", "b\ncd", "ab\n", "relay", "i3", "3"] {
            let filter = RowFilter(text)
            let whole = storage.matcher(for: filter, isCancelled: { false })!
            #expect(rows.indices.filter { whole($0) } == rows.indices.filter { filter.matches(texts: rows[$0].searchableTexts) }, "\(text)")
        }
    }
}

extension FleetFilterTests {
    @Test func nonASCIIRowsAreFoundWhereverTheirByteLies() {
        // The arena is read eight bytes at a time: the odd byte at the start, inside a word,
        // at a word's end and in the tail of the last row, in rows of every length.
        for length in 1...19 {
            for at in [0, length / 2, length - 1] {
                var name = Array(repeating: "a", count: length)
                name[at] = "É"
                let rows = [SynchronizerRow(id: "i0", name: "plain", key: "k", isEnabled: true, createdAt: nil),
                            SynchronizerRow(id: "i1", name: "other", key: "k", isEnabled: true, createdAt: nil),
                            SynchronizerRow(id: name.joined(), name: name.joined(), key: "k", isEnabled: true, createdAt: nil)]
                let storage = SynchronizerStorage(rows: rows)
                for text in ["é", "É", "aé", "plain"] {
                    let filter = RowFilter(text)
                    let whole = storage.matcher(for: filter, isCancelled: { false })!
                    #expect(rows.indices.filter { whole($0) } == rows.indices.filter { filter.matches(texts: rows[$0].searchableTexts) },
                            "\(text) in \(name.joined())")
                }
            }
        }
    }
}
