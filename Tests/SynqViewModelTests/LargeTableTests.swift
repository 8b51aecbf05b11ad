import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing
@testable import SynqViewModel

/// A fleet larger than `TableState.inlineLimit`: filtering and sorting leave the reducer as a
/// `TableDerivation` effect, the screen keeps the typed text with `isDeriving` until the
/// answer lands, a newer keystroke supersedes an older pass, and an extending filter
/// narrows the previous answer.
@Suite struct LargeTableTests {
    static let size = TableState<SynchronizerRow>.inlineLimit + 5_000

    static func fleet(_ count: Int = size) -> [Synchronizer] {
        (0..<count).map { index in
            let region = ["eu-west", "us-east", "ap-south"][index % 3]
            let role = index % 10 == 0 ? "canary" : "prod"
            return synchronizer("s\(index)", "\(role)-relay-\(region)-\(index)", enabled: index % 4 != 0, created: -Double(index))
        }
    }

    /// Loaded, with the first pass (the initial sort) run and landed.
    static func loaded() -> Harness {
        var h = Harness()
        h.send(.start, at: 0)
        let effects = h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet())), at: t0), at: 0)
        h.runPasses(effects)
        h.effects = []
        return h
    }

    @Test func theFirstLoadIsSortedOffTheRenderLoop() throws {
        var h = Harness()
        h.send(.start, at: 0)
        let effects = h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: Self.fleet())), at: t0), at: 0)
        #expect(h.state.synchronizers.rows.isEmpty, "nothing sorted yet")
        #expect(h.state.synchronizers.isDeriving)
        h.runPasses(effects)
        #expect(!h.state.synchronizers.isDeriving)
        #expect(h.state.synchronizers.rows.count == Self.size)
        #expect(h.state.synchronizers.rows.first?.name == "canary-relay-ap-south-20", "natural name order")
    }

    /// A sort or a filter over the same rows finds the selected row where it was: building
    /// the id index to find it took the first sort's time at a million rows.
    @Test func theSelectionFollowsASortWithoutTheIDIndex() throws {
        var h = Self.loaded()
        for _ in 0..<3 { h.press(.down) }
        let selected = try #require(h.state.synchronizers.selectedID)
        h.press(.character("s"))
        h.runPasses(h.effects)
        #expect(h.state.synchronizers.sort.column == .state)
        #expect(h.state.synchronizers.selected?.id == selected)
        #expect(h.state.synchronizers.selectedID == selected)
        h.press(.character("/"))
        h.runPasses(h.type("relay"))
        #expect(h.state.synchronizers.selected?.id == selected)
        let builtIDIndex = h.state.synchronizers.storage.hasIDIndex
        #expect(!builtIDIndex)
    }

    @Test func aTypedCharacterShowsAtOnceAndTheResultLandsLater() throws {
        var h = Self.loaded()
        h.press(.character("/"))
        let effects = h.type("canary")
        #expect(h.state.synchronizers.filter.text == "canary", "the typed text is in the state at once")
        #expect(h.state.synchronizers.isDeriving)
        #expect(h.state.synchronizers.rows.count == Self.size, "the old rows stay until the pass lands")
        let passes = effects.compactMap { effect -> TableDerivation? in
            if case .deriveTable(let pass) = effect { return pass }
            return nil
        }
        #expect(passes.count == 6, "one pass per keystroke")
        // An older pass that finishes late is ignored.
        let stale = try #require(passes.first?.run { false })
        h.send(.tableDerived(stale, pane: .synchronizers))
        #expect(h.state.synchronizers.isDeriving)
        #expect(h.state.synchronizers.rows.count == Self.size)
        h.runPasses([.deriveTable(try #require(passes.last))])
        #expect(!h.state.synchronizers.isDeriving)
        #expect(h.state.synchronizers.rows.count == Self.size / 10)
        #expect(h.state.synchronizers.rows.allSatisfy { $0.name.hasPrefix("canary") })
    }

    @Test func aCancelledPassGivesNoAnswer() throws {
        var h = Self.loaded()
        h.press(.character("/"))
        let pass = try #require(h.type("e").compactMap { effect -> TableDerivation? in
            if case .deriveTable(let pass) = effect { return pass }
            return nil
        }.first)
        #expect(pass.run { true } == nil)
    }

    @Test func anExtendingFilterNarrowsThePreviousResultInSortOrder() throws {
        var h = Self.loaded()
        h.press(.character("S"))
        h.runPasses(h.effects)
        h.press(.character("/"))
        for character in "eu-west" { h.runPasses(h.type(String(character))) }
        let narrowed = h.state.synchronizers.rows.map(\.id)
        // The same filter typed at once over the whole fleet gives the same rows in the same order.
        let whole = TableState<SynchronizerRow>.derive(h.state.synchronizers.storage, RowFilter("eu-west"),
                                                       TableSort(column: .name, ascending: false), narrowing: nil, isCancelled: { false })
        #expect(narrowed == whole?.map { h.state.synchronizers.storage.id(at: Int($0)) })
        #expect(narrowed.count == Self.size / 3 + (Self.size % 3 > 0 ? 1 : 0))
    }

    @Test func everySortMatchesTheRowSortKeys() throws {
        var rows = Self.fleet(3_000).map(SynchronizerRow.init)
        rows[5].name = "Zürich Relay 10"
        rows[6].name = "zürich relay 9"
        rows[7].createdAt = nil
        rows[8].isEnabled = nil
        rows[9].name = "ÉCLAIR-2"
        rows[10].name = "éclair-10"
        // Keys and ids that agree in their first 8 bytes (the integer the sort compares
        // first), one a prefix of another, one only case-folded equal, one shorter than 8.
        for (row, text) in [(11, "samekey1-b"), (12, "samekey1-a"), (13, "samekey1"), (14, "SAMEKEY1-A"), (15, "short"), (16, "samekey1-a")] {
            rows[row].key = text
            rows[row].id = text + "-\(row)"
        }
        let storage = SynchronizerStorage(rows: rows)
        for column in SynchronizerRow.Column.allCases {
            let reference = ColumnOrdering(keys: rows.map { $0.sortKey(column) })
            let fleet = storage.ordering(column)
            #expect(fleet.order == reference.order, "\(column)")
            #expect(fleet.rank == reference.rank, "\(column)")
        }
    }

    @Test func rowsAreFoundByIDThroughTheIndex() {
        var rows = Self.fleet(2_000).map(SynchronizerRow.init)
        rows.append(SynchronizerRow(id: "s5", name: "a repeated id", key: "k", isEnabled: true, createdAt: nil))
        var storage = SynchronizerStorage(rows: rows)
        #expect(storage.index(of: "s1999") == 1999)
        #expect(storage.index(of: "s5") == 5, "a repeated id finds its first row")
        #expect(storage.index(of: "missing") == nil)
        storage.upsert(SynchronizerRow(id: "new", name: "created", key: "k", isEnabled: true, createdAt: nil))
        #expect(storage.index(of: "new") == 2001)
        #expect(storage.row(at: 2001).name == "created")
    }

    @Test func aToggleKeepsTheOrderingsItDoesNotChange() {
        var storage = SynchronizerStorage(rows: Self.fleet(100).map(SynchronizerRow.init))
        let byName = storage.ordering(.name)
        var row = storage.row(at: 4)
        row.isEnabled = true
        storage.upsert(row)
        #expect(storage.ordering(.name).order == byName.order)
        #expect(storage.ordering(.state).rank[4] == 1, "re-sorted by state: now enabled")
        #expect(storage.activeCount == 76)
    }
}

extension Harness {
    /// Runs the filter/sort passes among `effects` to the end and feeds their answers back.
    mutating func runPasses(_ effects: [Effect]) {
        for effect in effects {
            guard case .deriveTable(let pass) = effect, let rows = pass.run(isCancelled: { false }) else { continue }
            send(.tableDerived(rows, pane: pass.pane))
        }
    }
}
