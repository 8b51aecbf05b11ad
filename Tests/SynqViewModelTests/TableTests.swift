import SynqAPI
import Testing
@testable import SynqViewModel

@Suite struct TableTests {
    @Test func defaultSortIsByNameCaseInsensitive() {
        let h = Harness.loaded()
        #expect(h.synchronizerNames == ["alpha edge", "Production Server 1", "Staging Server"])
    }

    @Test func navigationKeys() {
        var h = Harness.loaded()
        h.press(.character("j"))
        #expect(h.state.synchronizers.selectedIndex == 1)
        h.press(.down, .down, .down)
        #expect(h.state.synchronizers.selectedIndex == 2, "stops at the last row")
        h.press(.character("k"))
        #expect(h.state.synchronizers.selectedIndex == 1)
        h.press(.character("g"))
        #expect(h.state.synchronizers.selectedIndex == 0)
        h.press(.character("G"))
        #expect(h.state.synchronizers.selectedIndex == 2)
        h.press(.up, .up, .up)
        #expect(h.state.synchronizers.selectedIndex == 0)
    }

    @Test func pageKeysUseTheViewportHeight() {
        let many = (0..<50).map { synchronizer(String(format: "id%02d", $0), String(format: "node-%02d", $0)) }
        var h = Harness.loaded(synchronizers: many)
        h.send(.viewport(tableRows: 20))
        h.press(.pageDown)
        #expect(h.state.synchronizers.selected?.name == "node-20")
        h.press(.pageDown, .pageDown)
        #expect(h.state.synchronizers.selected?.name == "node-49")
        h.press(.pageUp)
        #expect(h.state.synchronizers.selected?.name == "node-29")
    }

    @Test func filterNarrowsAsYouTypeCaseInsensitiveOverVisibleColumns() {
        var h = Harness.loaded()
        h.press(.character("/"))
        #expect(h.state.isEditingFilter)
        #expect(h.state.activeContexts == [.filter])
        h.type("SERVER")
        #expect(h.synchronizerNames == ["Production Server 1", "Staging Server"])
        h.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        h.type("disabled")
        #expect(h.synchronizerNames == ["Staging Server"], "state column is searchable")
        h.press(.ctrl("u"))
        h.type("key-s3")
        #expect(h.synchronizerNames == ["alpha edge"], "key column is searchable")
        // Typed letters never trigger commands while filtering.
        #expect(!h.state.quitRequested)
        h.press(.enter)
        #expect(!h.state.isEditingFilter)
        #expect(h.synchronizerNames == ["alpha edge"], "Enter keeps the filter")
        h.press(.escape)
        #expect(h.synchronizerNames.count == 3, "Esc clears it")
    }

    @Test func escWhileTypingClearsTheFilter() {
        var h = Harness.loaded()
        h.press(.character("/"))
        h.type("zzz")
        #expect(h.state.synchronizers.rows.isEmpty)
        h.press(.escape)
        #expect(!h.state.isEditingFilter)
        #expect(h.state.synchronizers.rows.count == 3)
    }

    @Test func filterIsPerPane() {
        var h = Harness.loaded()
        h.press(.character("/"))
        h.type("alpha")
        h.press(.enter, .character("3"))
        #expect(h.state.keys.rows.count == 2)
        #expect(h.state.synchronizers.rows.count == 1)
    }

    @Test func sortCyclesColumnsAndReverses() {
        var h = Harness.loaded()
        h.press(.character("s"))
        #expect(h.state.synchronizers.sort == TableSort(column: .state))
        #expect(h.synchronizerNames == ["Staging Server", "Production Server 1", "alpha edge"],
                "disabled < enabled; ties keep server order")
        h.press(.character("S"))
        #expect(h.state.synchronizers.sort == TableSort(column: .state, ascending: false))
        #expect(h.synchronizerNames == ["Production Server 1", "alpha edge", "Staging Server"],
                "reversing keeps ties in server order (stable)")
        h.press(.character("s"), .character("s"), .character("s"), .character("s"))
        #expect(h.state.synchronizers.sort == TableSort(column: .name), "wraps around to the first column")
    }

    @Test func sortByCreatedPutsMissingDatesLast() {
        let rows = [
            Synchronizer(id: "a", key: "k1", name: "no date", isEnabled: true, createdAt: nil),
            synchronizer("b", "old", created: -1000),
            synchronizer("c", "new", created: -10),
        ]
        var h = Harness.loaded(synchronizers: rows)
        h.press(.character("s"), .character("s"), .character("s"))
        #expect(h.state.synchronizers.sort.column == .created)
        #expect(h.synchronizerNames == ["old", "new", "no date"])
    }

    @Test func selectionFollowsTheRowAcrossSortsFiltersAndPolls() {
        var h = Harness.loaded()
        h.press(.character("j"))
        #expect(h.state.synchronizers.selected?.id == "s1")
        h.press(.character("S"))
        #expect(h.state.synchronizers.selected?.id == "s1")
        h.press(.character("/"))
        h.type("prod")
        h.press(.enter)
        #expect(h.state.synchronizers.selected?.id == "s1")
        h.press(.escape)
        #expect(h.state.synchronizers.selected?.id == "s1")
        // A poll adds rows before it in the sort order.
        let grown = fleet + [synchronizer("s4", "zzz"), synchronizer("s5", "aaa")]
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: grown)), at: at(5)), at: 5)
        #expect(h.state.synchronizers.selected?.id == "s1")
    }

    @Test func selectionStaysInPlaceWhenItsRowDisappears() {
        var h = Harness.loaded()
        h.press(.character("j"))
        #expect(h.state.synchronizers.selected?.id == "s1")
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: [fleet[1], fleet[2]])), at: at(5)), at: 5)
        #expect(h.state.synchronizers.selectedIndex == 1)
        #expect(h.state.synchronizers.selected?.id == "s2")
    }

    @Test func marksSurviveFilterAndSortAndArePrunedWhenRowsVanish() {
        var h = Harness.loaded()
        h.press(.character("m"))
        #expect(h.state.synchronizers.marked == ["s3"])
        #expect(h.state.synchronizers.selectedIndex == 1, "m moves down for quick marking")
        h.press(.character("m"))
        #expect(h.state.synchronizers.marked == ["s3", "s1"])
        h.press(.character("/"))
        h.type("staging")
        h.press(.enter, .character("S"))
        #expect(h.state.synchronizers.marked == ["s3", "s1"])
        h.press(.escape, .character("S"), .character("g"), .character("m"))
        #expect(h.state.synchronizers.marked == ["s1"], "m on a marked row unmarks it")
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: [fleet[1], fleet[2]])), at: at(5)), at: 5)
        #expect(h.state.synchronizers.marked.isEmpty)
    }

    @Test func keysTableSortsAndFilters() {
        var h = Harness.loaded()
        h.press(.character("3"))
        #expect(h.state.keys.rows.map(\.id) == ["key_b", "key_a"], "a missing name sorts first (empty)")
        h.press(.character("/"))
        h.type("revoked")
        #expect(h.state.keys.rows.map(\.id) == ["key_b"])
    }
}

/// The status bar's enabled/active count is kept with the data, not recounted per frame.
@Suite struct ActiveCountTests {
    static func rows(_ enabled: [Bool?]) -> [SynchronizerRow] {
        enabled.enumerated().map { SynchronizerRow(id: "id\($0.offset)", name: "n\($0.offset)", key: "k", isEnabled: $0.element, createdAt: nil) }
    }

    @Test func followsReplaceAndUpsert() {
        var table = TableState<SynchronizerRow>(rows: Self.rows([true, false, nil, true]), sort: TableSort(column: .name))
        #expect(table.activeCount == 2)
        table.upsert(SynchronizerRow(id: "id1", name: "n1", key: "k", isEnabled: true, createdAt: nil))
        #expect(table.activeCount == 3, "a disabled row turned on")
        table.upsert(SynchronizerRow(id: "id0", name: "n0", key: "k", isEnabled: false, createdAt: nil))
        #expect(table.activeCount == 2, "an enabled row turned off")
        table.upsert(SynchronizerRow(id: "new", name: "new", key: "k", isEnabled: true, createdAt: nil))
        #expect(table.activeCount == 3, "a new enabled row")
        table.replaceAll(Self.rows([false, false]))
        #expect(table.activeCount == 0)
    }

    @Test func countsAMillionRowsOnceNotPerFrame() {
        let table = TableState<SynchronizerRow>(rows: Self.rows((0..<1_000_000).map { $0 % 3 == 0 }), sort: TableSort(column: .name))
        #expect(table.activeCount == 333_334)
    }
}

/// Names sort the way people number their machines.
@Suite struct NaturalSortTests {
    @Test func numbersInNamesCompareByValue() {
        let names = ["node-10", "Node-2", "node-1", "edge", "node-2a", "node-02", "rack 3 node 12", "rack 3 node 4"]
        let rows = names.enumerated().map { SynchronizerRow(id: "id\($0.offset)", name: $0.element, key: "k", isEnabled: true, createdAt: nil) }
        let table = TableState<SynchronizerRow>(rows: rows, sort: TableSort(column: .name))
        #expect(table.rows.map(\.name) == ["edge", "node-1", "Node-2", "node-02", "node-2a", "node-10", "rack 3 node 4", "rack 3 node 12"])
    }

    @Test func veryLongDigitRunsStillSortAsText() {
        #expect(SortKey.natural("a99999999999999999999999") > SortKey.natural("a1"))
        #expect(SortKey.natural("x") == SortKey.natural("X"))
    }
}
