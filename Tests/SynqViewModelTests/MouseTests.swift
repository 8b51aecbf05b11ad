import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

/// Clicks and the wheel, as the renderer's hit map hands them over: a click selects the row
/// (by id) or switches to the tab it lands on; the wheel does what ↑/↓ do, three times.
@Suite struct MouseTests {
    /// Ten synchronizers, sorted by name: "node 00" … "node 09", the first one selected.
    static func tenRows(settings: ViewModelSettings = ViewModelSettings()) -> Harness {
        var h = Harness.loaded(settings: settings, synchronizers: (0..<10).map { synchronizer("s\($0)", String(format: "node %02d", $0)) })
        h.press(.character("g"))
        return h
    }

    @Test func aClickSelectsTheRowItLandsOn() {
        var h = Self.tenRows()
        #expect(h.send(.mouse(.click(.row(id: "s6", pane: .synchronizers)))).isEmpty)
        #expect(h.state.synchronizers.selected?.id == "s6")
        h.send(.mouse(.click(.row(id: "s2", pane: .synchronizers))))
        #expect(h.state.synchronizers.selected?.id == "s2")
    }

    @Test func aClickOnNothingOrOnAnotherPanesRowChangesNothing() {
        var h = Self.tenRows()
        let before = h.state
        h.send(.mouse(.click(nil)))
        h.send(.mouse(.click(.row(id: "key_a", pane: .keys))))
        #expect(h.state == before)
    }

    @Test func aClickOnATabSwitchesPaneAndClosesHelpOrTheDetailView() {
        var h = Self.tenRows()
        h.send(.mouse(.click(.tab(.keys))))
        #expect(h.state.pane == .keys)
        h.press(.character("?"))
        h.send(.mouse(.click(.tab(.events))))
        #expect(h.state.pane == .events && !h.state.isHelpVisible)
        h.press(.character("1"), .enter)
        #expect(h.state.modal != nil)
        h.send(.mouse(.click(.tab(.preferences))))
        #expect(h.state.pane == .preferences && h.state.modal == nil)
    }

    @Test func rowsUnderAnOverlayAreNotClickable() {
        var h = Self.tenRows()
        h.press(.enter)
        h.send(.mouse(.click(.row(id: "s5", pane: .synchronizers))))
        #expect(h.state.synchronizers.selected?.id == "s0")
        #expect(h.state.modal == .detail(DetailView(.synchronizer(id: "s0"))))
    }

    @Test func theWheelMovesTheSelectionThreeRows() {
        var h = Self.tenRows()
        h.send(.mouse(.wheel(.down)))
        #expect(h.state.synchronizers.selected?.id == "s3")
        h.send(.mouse(.wheel(.down)))
        h.send(.mouse(.wheel(.up)))
        #expect(h.state.synchronizers.selected?.id == "s3")
        h.send(.mouse(.wheel(.up)))
        h.send(.mouse(.wheel(.up)))
        #expect(h.state.synchronizers.selected?.id == "s0", "stops at the top")
    }

    @Test func theWheelScrollsHelpThreeLines() {
        var h = Self.tenRows()
        h.press(.character("?"))
        h.send(.helpViewport(HelpViewport(page: 10, maxOffset: 7)))
        h.send(.mouse(.wheel(.down)))
        #expect(h.state.helpOffset == 3)
        h.send(.mouse(.wheel(.down)))
        h.send(.mouse(.wheel(.down)))
        #expect(h.state.helpOffset == 7, "stops at the end")
        #expect(h.state.synchronizers.selected?.id == "s0", "the table behind does not move")
    }

    @Test func theWheelScrollsTheDetailViewThreeLines() {
        var h = Self.tenRows()
        h.press(.enter)
        h.send(.helpViewport(HelpViewport(page: 2, maxOffset: 4, overlay: .detail)))
        func offset() -> Int? { if case .detail(let detail)? = h.state.modal { detail.offset } else { nil } }
        h.send(.mouse(.wheel(.down)))
        #expect(offset() == 3)
        h.send(.mouse(.wheel(.down)))
        #expect(offset() == 4, "stops at the last line")
        h.send(.mouse(.wheel(.up)))
        #expect(offset() == 1)
        #expect(h.state.synchronizers.selected?.id == "s0", "the table behind does not move")
    }

    @Test func whileTheFilterIsTypedTheWheelMovesTheTableAndAClickKeepsTheFilter() {
        var h = Self.tenRows()
        h.press(.character("/"))
        h.type("node")
        h.send(.mouse(.wheel(.down)))
        #expect(h.state.synchronizers.selected?.id == "s3")
        #expect(h.state.synchronizers.filter.text == "node")
        h.send(.mouse(.click(.row(id: "s7", pane: .synchronizers))))
        #expect(h.state.synchronizers.selected?.id == "s7")
        #expect(!h.state.synchronizers.isEditingFilter && h.state.synchronizers.filter.text == "node")
    }

    @Test func aQuestionOrPromptIgnoresTheMouse() {
        var h = Self.tenRows()
        h.press(.space)
        guard case .confirmToggle? = h.state.modal else { Issue.record("no question"); return }
        let asking = h.state
        h.send(.mouse(.click(.tab(.keys))))
        h.send(.mouse(.click(.row(id: "s4", pane: .synchronizers))))
        h.send(.mouse(.wheel(.down)))
        #expect(h.state == asking, "a stray click neither answers nor closes the question")
        h.press(.character("n"), .character("n"))
        guard case .prompt? = h.state.modal else { Issue.record("no prompt"); return }
        let typing = h.state
        h.send(.mouse(.click(.tab(.keys))))
        h.send(.mouse(.wheel(.up)))
        #expect(h.state == typing)
    }

    @Test func noMouseLeavesEverythingAlone() {
        var h = Self.tenRows(settings: ViewModelSettings(mouse: false))
        let before = h.state
        h.send(.mouse(.click(.row(id: "s6", pane: .synchronizers))))
        h.send(.mouse(.click(.tab(.keys))))
        h.send(.mouse(.wheel(.down)))
        #expect(h.state == before)
    }
}
