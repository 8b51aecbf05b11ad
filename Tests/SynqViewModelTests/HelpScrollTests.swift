import Testing
@testable import SynqViewModel

/// Scrolling the `?` overlay: the offset lives in the state, keys come from the help
/// context of the key table, and the renderer's report of what fits pages and clamps it.
@Suite struct HelpScrollTests {
    /// Help open, the renderer having said: 6 lines a page, 30 lines to scroll through.
    func openHelp(page: Int = 6, maxOffset: Int = 30) -> Harness {
        var h = Harness.loaded()
        h.press(.character("?"))
        h.send(.helpViewport(HelpViewport(page: page, maxOffset: maxOffset)))
        return h
    }

    @Test func lineKeysScrollAndStopAtTheTop() {
        var h = openHelp()
        #expect(h.state.helpOffset == 0)
        h.press(.character("j"), .down, .character("j"))
        #expect(h.state.helpOffset == 3)
        h.press(.character("k"))
        #expect(h.state.helpOffset == 2)
        h.press(.up, .up, .up, .character("k"))
        #expect(h.state.helpOffset == 0, "never above the first line")
        #expect(h.state.synchronizers.selectedIndex == 0, "the table behind help does not move")
        #expect(h.state.isHelpVisible)
    }

    @Test func pageKeysMoveByTheReportedPageAndEndKeysJump() {
        var h = openHelp()
        h.press(.pageDown)
        #expect(h.state.helpOffset == 6)
        h.press(.ctrl("f"))
        #expect(h.state.helpOffset == 12)
        h.press(.ctrl("b"))
        #expect(h.state.helpOffset == 6)
        h.press(.pageUp, .pageUp)
        #expect(h.state.helpOffset == 0)
        h.press(.character("G"))
        #expect(h.state.helpOffset == 30)
        h.press(.pageDown, .character("j"), .end)
        #expect(h.state.helpOffset == 30, "never past the last useful offset")
        h.press(.character("k"))
        #expect(h.state.helpOffset == 29, "k after G moves at once")
        h.press(.character("g"))
        #expect(h.state.helpOffset == 0)
        h.press(.end, .home)
        #expect(h.state.helpOffset == 0)
    }

    @Test func reopeningHelpStartsAtTheTop() {
        var h = openHelp()
        h.press(.character("G"))
        #expect(h.state.helpOffset == 30)
        h.press(.escape)
        #expect(!h.state.isHelpVisible)
        h.press(.character("?"))
        #expect(h.state.isHelpVisible)
        #expect(h.state.helpOffset == 0)
    }

    @Test func aSmallerReportClampsTheOffset() {
        var h = openHelp()
        h.press(.character("G"))
        // The terminal grew: less to scroll.
        h.send(.helpViewport(HelpViewport(page: 20, maxOffset: 4)))
        #expect(h.state.helpOffset == 4)
        h.send(.helpViewport(HelpViewport(page: 40, maxOffset: 0)))
        #expect(h.state.helpOffset == 0)
        h.press(.character("j"), .pageDown, .character("G"))
        #expect(h.state.helpOffset == 0, "nothing to scroll when everything fits")
    }

    @Test func beforeAnyReportTheOffsetIsOnlyKeptNonNegative() {
        var h = Harness.loaded()
        h.press(.character("?"), .character("k"))
        #expect(h.state.helpOffset == 0)
        h.press(.character("j"), .character("j"))
        #expect(h.state.helpOffset == 2)
        h.press(.character("G"))
        #expect(h.state.helpOffset > 2)
        h.send(.helpViewport(HelpViewport(page: 6, maxOffset: 12)))
        #expect(h.state.helpOffset == 12, "the first report clamps it")
    }

    @Test func scrollKeysAreInTheHelpContextOfTheKeyTable() {
        let map = KeyMap.standard
        let expected: [(KeyPress, Command)] = [
            (.character("j"), .moveDown), (.down, .moveDown), (.character("k"), .moveUp), (.up, .moveUp),
            (.pageDown, .pageDown), (.ctrl("f"), .pageDown), (.pageUp, .pageUp), (.ctrl("b"), .pageUp),
            (.character("g"), .moveToTop), (.home, .moveToTop), (.character("G"), .moveToBottom), (.end, .moveToBottom),
        ]
        for (key, command) in expected {
            #expect(map.command(for: key, in: [.help], readOnly: false) == command, "\(key) in help")
            #expect(map.command(for: key, in: [.help], readOnly: true) == command, "\(key) in read-only help")
        }
    }

    @Test func theViewportReportIsKeptAndSanitised() {
        var h = Harness.loaded()
        h.send(.helpViewport(HelpViewport(page: 0, maxOffset: -3)))
        #expect(h.state.helpViewport == HelpViewport(page: 1, maxOffset: 0))
        #expect(h.state.helpOffset == 0)
    }
}
