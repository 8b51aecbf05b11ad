import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

/// `Enter` opens every field of a row; `y` and the detail view's keys copy its fields.
@Suite struct DetailTests {
    @Test func enterShowsTheSelectedRowAndEscCloses() {
        var h = Harness.loaded()
        h.press(.character("g"))
        let id = h.state.synchronizers.selected?.id ?? ""
        h.press(.enter)
        #expect(h.state.modal == .detail(DetailView(.synchronizer(id: id))))
        #expect(h.state.activeContexts == [.detail])
        #expect(h.press(.character("j")).isEmpty && h.state.synchronizers.selected?.id == id, "the table behind does not move")
        h.press(.escape)
        #expect(h.state.modal == nil)
        h.press(.enter, .enter)
        #expect(h.state.modal == nil, "Enter closes it too")
        h.press(.character("3"), .enter)
        #expect(h.state.modal == .detail(DetailView(.key(id: h.state.keys.selected?.id ?? ""))))
    }

    @Test func theDetailViewCopiesIdNameAndKey() {
        var h = Harness.loaded()
        h.press(.character("g"))
        let row = h.state.synchronizers.selected!
        h.press(.enter)
        #expect(h.press(.character("i")) == [.copyToClipboard(Secret(row.id), .rowField(.id, name: row.name, escaped: false))])
        #expect(h.press(.character("n")) == [.copyToClipboard(Secret(row.name), .rowField(.name, name: row.name, escaped: false))])
        #expect(h.press(.character("c")) == [.copyToClipboard(Secret(row.key), .rowField(.key, name: row.name, escaped: false))],
                "c copies the key, as in the table")
        h.send(.copyFinished(.rowField(.name, name: row.name, escaped: false), .sent, at: at(1)), at: 1)
        #expect(h.state.message?.text == "Copied the name of \"\(row.name)\" to the terminal clipboard (OSC 52)")
        #expect(h.state.modal != nil, "copying leaves the view open")
    }

    @Test func yCopiesTheIdFromEitherTable() {
        var h = Harness.loaded()
        h.press(.character("g"))
        let row = h.state.synchronizers.selected!
        #expect(h.press(.character("y")) == [.copyToClipboard(Secret(row.id), .rowField(.id, name: row.name, escaped: false))])
        h.press(.character("3"), .character("g"))
        let key = h.state.keys.selected!
        #expect(h.press(.character("y")) == [.copyToClipboard(Secret(key.id), .rowField(.id, name: key.name ?? key.id, escaped: false))])
        h.press(.enter)
        #expect(h.press(.character("c")).isEmpty, "a Synvo key's secret is never listed")
        #expect(h.state.message?.text == "A Synvo key's secret is shown only once, when it is created")
    }

    @Test func aHostileNameIsCopiedWithItsControlCharactersEscaped() {
        var h = Harness.loaded(synchronizers: [synchronizer("s1", "ok\n rm -rf ~\u{1b}[2J")])
        h.press(.enter)
        let effects = h.press(.character("n"))
        #expect(effects == [.copyToClipboard(Secret("ok\\x0a rm -rf ~\\x1b[2J"), .rowField(.name, name: "ok\n rm -rf ~\u{1b}[2J", escaped: true))])
        h.send(.copyFinished(.rowField(.name, name: "x", escaped: true), .sent, at: at(1)), at: 1)
        #expect(h.state.message?.text.hasSuffix("(control characters escaped)") == true)
    }

    @Test func theViewScrollsByLineAndPageWithinWhatTheRendererReported() {
        var h = Harness.loaded()
        h.press(.enter)
        h.send(.helpViewport(HelpViewport(page: 2, maxOffset: 5, overlay: .detail)), at: 0)
        func offset() -> Int? { if case .detail(let detail)? = h.state.modal { detail.offset } else { nil } }
        h.press(.character("j"))
        #expect(offset() == 1)
        h.press(.down, .pageDown)
        #expect(offset() == 4)
        h.press(.pageDown, .character("j"), .character("j"))
        #expect(offset() == 5, "never past the last line")
        h.press(.character("k"))
        #expect(offset() == 4, "one k moves back at once")
        h.press(.up, .pageUp, .pageUp)
        #expect(offset() == 0)
        #expect(h.state.helpOffset == 0 && h.state.helpViewport == nil, "help's scroll is its own")
        h.send(.helpViewport(HelpViewport(page: 2, maxOffset: 2, overlay: .detail)), at: 0)
        h.press(.pageDown, .pageDown)
        h.send(.helpViewport(HelpViewport(page: 4, maxOffset: 1, overlay: .detail)), at: 0)
        #expect(offset() == 1, "a larger screen clamps the offset")
    }

    @Test func theViewFollowsItsRowAcrossPolls() {
        var h = Harness.loaded()
        h.press(.character("g"), .enter)
        guard case .detail(let detail)? = h.state.modal else { Issue.record("no detail view"); return }
        var renamed = fleet
        renamed[2].name = "alpha edge renamed"
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: renamed)), at: at(5)), at: 5)
        #expect(h.state.modal == .detail(detail), "still the same row, by id")
        #expect(h.press(.character("n")).first == .copyToClipboard(Secret("alpha edge renamed"), .rowField(.name, name: "alpha edge renamed", escaped: false)))
    }
}
