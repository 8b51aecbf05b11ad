import Testing
@testable import SynqViewModel

/// The filter syntax: substrings by default, `~` regular expressions, `!` inverse, several
/// terms that must all match, case-insensitive.
@Suite struct RowFilterTests {
    static let names = ["prod-relay-eu-1", "prod-relay-us-2", "canary-relay-eu-3", "Staging EU", "東京-中継-01", "Zürich Relay"]

    func kept(_ filter: String) -> [String] {
        let rows = Self.names.enumerated().map { SynchronizerRow(id: "id\($0.offset)", name: $0.element, key: "key-\($0.offset)", isEnabled: $0.offset != 1, createdAt: nil) }
        let table = TableState<SynchronizerRow>(rows: rows, sort: TableSort(column: .name))
        var state = table
        _ = state.editFilter { $0.insert(filter) }
        return state.rows.map(\.name)
    }

    @Test func substringIsTheDefaultAndIgnoresCase() {
        #expect(kept("RELAY") == ["canary-relay-eu-3", "prod-relay-eu-1", "prod-relay-us-2", "Zürich Relay"])
        #expect(kept("zür") == ["Zürich Relay"])
        #expect(kept("ZÜR") == ["Zürich Relay"], "non-ASCII text is matched lower-cased")
        #expect(kept("中継") == ["東京-中継-01"])
    }

    @Test func severalTermsMustAllMatch() {
        #expect(kept("relay eu") == ["canary-relay-eu-3", "prod-relay-eu-1"])
        #expect(kept("relay eu prod") == ["prod-relay-eu-1"])
    }

    @Test func aTildeMakesARegularExpression() {
        #expect(kept("~prod.*eu") == ["prod-relay-eu-1"])
        #expect(kept("~^(canary|staging)") == ["canary-relay-eu-3", "Staging EU"])
        #expect(kept("~relay-[a-z]+-[0-9]$") == ["canary-relay-eu-3", "prod-relay-eu-1", "prod-relay-us-2"], "$ ends a column's text")
    }

    @Test func aBangKeepsRowsThatDoNotMatch() {
        #expect(kept("!canary") == ["prod-relay-eu-1", "prod-relay-us-2", "Staging EU", "Zürich Relay", "東京-中継-01"])
        #expect(kept("relay !~eu") == ["prod-relay-us-2", "Zürich Relay"])
        #expect(kept("!disabled relay") == ["canary-relay-eu-3", "prod-relay-eu-1", "Zürich Relay"], "the state column is searched too")
    }

    @Test func aBackslashMakesAPrefixLiteral() {
        #expect(kept(#"\!x"#) == [])
        #expect(RowFilter(#"\~a"#).terms.first?.needle == Array("~a".utf8))
    }

    @Test func aBrokenPatternSaysSoAndMatchesNothing() {
        let filter = RowFilter("~prod(")
        #expect(filter.error?.hasPrefix("bad pattern ~prod(") == true)
        #expect(kept("~prod(").isEmpty)
    }

    @Test func extendingAWordOrAddingOneNarrows() {
        #expect(RowFilter("prod-r").narrows(RowFilter("prod")))
        #expect(RowFilter("prod eu").narrows(RowFilter("prod")))
        #expect(RowFilter("prod").narrows(RowFilter("")))
        #expect(!RowFilter("pro").narrows(RowFilter("prod")), "deleting widens")
        #expect(!RowFilter("!canary").narrows(RowFilter("!can")), "a longer inverse term keeps more rows")
        #expect(!RowFilter("~prod.").narrows(RowFilter("~prod")))
        #expect(!RowFilter("xprod").narrows(RowFilter("prod")))
    }

    @Test func highlightsAreWhereTermsMatch() {
        #expect(RowFilter("relay").highlights(in: "prod-Relay-relay") == [5..<10, 11..<16])
        #expect(RowFilter("~r[a-z]+y eu").highlights(in: "relay-eu") == [0..<5, 6..<8])
        #expect(RowFilter("!relay").highlights(in: "relay").isEmpty, "an inverse term highlights nothing")
    }
}
