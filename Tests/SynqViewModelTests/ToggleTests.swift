import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

@Suite struct ToggleTests {
    /// Selects the row with this id on the synchronizers pane: moves the cursor down from the top to `id`; an id that is not in the table fails the
    /// test once the cursor has passed every row, instead of looping forever.
    func select(_ id: String, _ h: inout Harness, sourceLocation: SourceLocation = #_sourceLocation) {
        h.press(.character("g"))
        for _ in 0...h.state.synchronizers.rows.count {
            if h.state.synchronizers.selected?.id == id { return }
            h.press(.character("j"))
        }
        Issue.record("no row \(id) in the table", sourceLocation: sourceLocation)
    }

    @Test func selectingAMissingRowFailsInsteadOfLoopingForever() {
        var h = Harness.loaded()
        withKnownIssue("the helper records that the row is missing") {
            select("no-such-row", &h)
        }
    }

    func answer(_ id: String, enabled: Bool, message: String) -> Result<SynchronizerResult, APIError> {
        .success(SynchronizerResult(message: message, synchronizer: Synchronizer(id: id, key: "key-\(id)-0000-aaaa-bbbb", name: fleet.first { $0.id == id }!.name, isEnabled: enabled)))
    }

    @Test func enablingIsOptimisticAndPendingUntilTheServerAnswers() {
        var h = Harness.loaded()
        select("s2", &h)
        #expect(h.press(.space) == [.toggle(id: "s2", enable: true)], "enabling needs no question")
        #expect(h.state.synchronizers.row(id: "s2")?.isEnabled == true)
        #expect(h.state.isPending("s2"))
        h.send(.toggleFinished(id: "s2", enable: true, answer("s2", enabled: true, message: "Synchronizer enabled successfully"), at: at(1)), at: 1)
        #expect(!h.state.isPending("s2"))
        #expect(h.state.synchronizers.row(id: "s2")?.isEnabled == true)
        #expect(h.state.message == StatusMessage("Synchronizer enabled successfully", kind: .success, at: at(1)))
    }

    @Test func disablingAsksFirstAndNoChangesNothing() {
        var h = Harness.loaded()
        select("s1", &h)
        #expect(h.press(.space).isEmpty)
        guard case .confirmToggle(let question)? = h.state.modal else { Issue.record("no question"); return }
        #expect(question.question == "Disable \"Production Server 1\"? (y/n)")
        #expect(h.state.activeContexts == [.confirm])
        #expect(h.press(.character("j")).isEmpty, "other keys are swallowed")
        #expect(h.press(.character("n")).isEmpty)
        #expect(h.state.modal == nil)
        #expect(h.state.synchronizers.row(id: "s1")?.isEnabled == true)
        h.press(.space)
        #expect(h.press(.escape).isEmpty)
        #expect(h.state.modal == nil)
        h.press(.space)
        #expect(h.press(.character("y")) == [.toggle(id: "s1", enable: false)])
        #expect(h.state.synchronizers.row(id: "s1")?.isEnabled == false)
        #expect(h.state.isPending("s1"))
    }

    @Test func failureRollsBackAndSaysWhy() {
        var h = Harness.loaded()
        select("s1", &h)
        h.press(.space, .character("y"))
        h.send(.toggleFinished(id: "s1", enable: false, .failure(.forbidden(.enterprise, message: "You can only modify your own synchronizers")), at: at(1)), at: 1)
        #expect(h.state.synchronizers.row(id: "s1")?.isEnabled == true)
        #expect(!h.state.isPending("s1"))
        #expect(h.state.message?.kind == .error)
        #expect(h.state.message?.text == "Could not disable \"Production Server 1\": Enterprise API: forbidden: You can only modify your own synchronizers")
    }

    @Test func aPollWhileTheToggleIsOutKeepsTheOptimisticState() {
        var h = Harness.loaded()
        select("s2", &h)
        h.press(.space)
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet)), at: at(5)), at: 5)
        #expect(h.state.synchronizers.row(id: "s2")?.isEnabled == true)
        #expect(h.state.synchronizers.highlights["s2"] == nil, "our own change is not a server change")
    }

    @Test func aPendingRowIsNotToggledAgain() {
        var h = Harness.loaded()
        select("s2", &h)
        h.press(.space)
        #expect(h.press(.space).isEmpty)
        #expect(h.state.message?.text.contains("already waiting") == true)
    }

    @Test func spaceSwitchesTheSelectedRowAloneEvenWithMarks() {
        var h = Harness.loaded()
        select("s1", &h)
        h.press(.character("m"))
        select("s2", &h)
        #expect(h.press(.space) == [.toggle(id: "s2", enable: true)], "the selected row only, no question to enable")
        #expect(h.state.synchronizers.marked == ["s1"], "marks stay for e and d")
        #expect(!h.state.isPending("s1"))
    }

    @Test func eEnablesAndDDisablesTheMarkedRowsAfterOneQuestion() {
        var h = Harness.loaded()
        select("s1", &h)
        h.press(.character("m"))
        select("s2", &h)
        h.press(.character("m"))
        #expect(h.state.synchronizers.marked == ["s1", "s2"])
        #expect(h.press(.character("e")).isEmpty, "marks always ask")
        guard case .confirmToggle(let enabling)? = h.state.modal else { Issue.record("no question"); return }
        #expect(enabling.isBulk)
        #expect(enabling.question == "Enable 1 marked synchronizer? 1 already enabled left alone. (y/n)")
        #expect(h.press(.character("n")).isEmpty)
        #expect(h.state.synchronizers.marked.count == 2, "no keeps the marks")
        #expect(h.press(.character("d")).isEmpty)
        guard case .confirmToggle(let disabling)? = h.state.modal else { Issue.record("no question"); return }
        #expect(disabling.question == "Disable 1 marked synchronizer? 1 already disabled left alone. (y/n)")
        #expect(h.press(.character("y")) == [.toggle(id: "s1", enable: false)], "never flips the other way")
        #expect(h.state.synchronizers.marked.isEmpty)
        #expect(h.state.synchronizers.row(id: "s2")?.isEnabled == false)
        #expect(h.state.message?.text == "Disabling 1 synchronizer…")
    }

    @Test func withoutMarksEAndDActOnTheSelectedRow() {
        var h = Harness.loaded()
        select("s1", &h)
        #expect(h.press(.character("e")).isEmpty)
        #expect(h.state.message?.text == "\"Production Server 1\" is already enabled")
        #expect(h.press(.character("d")).isEmpty)
        guard case .confirmToggle(let question)? = h.state.modal else { Issue.record("no question"); return }
        #expect(question.question == "Disable \"Production Server 1\"? (y/n)")
        h.press(.character("n"))
        select("s2", &h)
        #expect(h.press(.character("e")) == [.toggle(id: "s2", enable: true)])
    }

    @Test func aBulkToggleEndsWithOneSummary() {
        let allOn = [synchronizer("s1", "Production Server 1"), synchronizer("s2", "Staging Server"), synchronizer("s3", "alpha edge")]
        var h = Harness.loaded(synchronizers: allOn)
        h.press(.character("*"))
        #expect(h.state.synchronizers.marked == ["s1", "s2", "s3"])
        h.press(.character("d"), .character("y"))
        #expect(h.state.bulkToggle?.total == 3)
        #expect(h.state.message?.text == "Disabling 3 synchronizers…")
        h.send(.toggleFinished(id: "s1", enable: false, answer("s1", enabled: false, message: "Synchronizer disabled successfully"), at: at(1)), at: 1)
        #expect(h.state.message?.text == "Disabling: 1 of 3 answered…")
        h.send(.toggleFinished(id: "s2", enable: false, .failure(.notFound(.enterprise, message: "Synchronizer not found")), at: at(1)), at: 1)
        h.send(.toggleFinished(id: "s3", enable: false, answer("s3", enabled: false, message: "ok"), at: at(1)), at: 1)
        #expect(h.state.bulkToggle == nil)
        #expect(h.state.message == StatusMessage("Disabled 2 of 3; 1 failed: \"Staging Server\": Enterprise API: not found: Synchronizer not found", kind: .error, at: at(1)))
        #expect(h.state.synchronizers.row(id: "s2")?.isEnabled == true, "the failed one rolled back")
        #expect(h.state.synchronizers.row(id: "s1")?.isEnabled == false)
    }

    @Test func theQuestionSaysHowManyMarkedRowsTheFilterHidesAndNamesThem() {
        var h = Harness.loaded()
        select("s1", &h)
        h.press(.character("m"))
        select("s3", &h)
        h.press(.character("m"), .character("/"))
        h.type("alpha")
        h.press(.enter)
        #expect(h.synchronizerNames == ["alpha edge"])
        h.press(.character("d"))
        guard case .confirmToggle(let question)? = h.state.modal else { Issue.record("no question"); return }
        #expect(Set(question.targets.map(\.id)) == ["s1", "s3"])
        #expect(question.question == "Disable 2 marked synchronizers, 1 hidden by the filter (\"Production Server 1\")? (y/n)")
    }

    @Test func manyHiddenRowsAreCountedAndTheFirstFewNamed() {
        let many = (1...6).map { synchronizer("h\($0)", "hidden \($0)") } + [synchronizer("v1", "visible")]
        var h = Harness.loaded(synchronizers: many)
        h.press(.character("*"), .character("/"))
        h.type("visible")
        h.press(.enter, .character("d"))
        guard case .confirmToggle(let question)? = h.state.modal else { Issue.record("no question"); return }
        #expect(question.question == "Disable 7 marked synchronizers, 6 hidden by the filter (\"hidden 1\", \"hidden 2\", \"hidden 3\" and 3 more)? (y/n)")
    }

    @Test func starMarksOnlyTheVisibleRowsAndShiftMClearsAll() {
        var h = Harness.loaded()
        select("s3", &h)
        h.press(.character("m"), .character("/"))
        h.type("server")
        h.press(.enter)
        h.press(.character("*"))
        #expect(h.state.synchronizers.marked == ["s1", "s2", "s3"], "s3 was marked before; s1 and s2 are shown")
        h.press(.escape)
        h.press(.character("/"))
        h.type("prod")
        h.press(.enter, .character("*"))
        #expect(h.state.synchronizers.marked == ["s1", "s2", "s3"])
        h.press(.character("M"))
        #expect(h.state.synchronizers.marked.isEmpty, "hidden marks are cleared too")
        #expect(h.state.message?.text == "Cleared 3 marks")
    }

    @Test func readOnlyCannotMark() {
        var h = Harness.loaded(settings: ViewModelSettings(readOnly: true))
        h.press(.character("m"), .character("*"))
        #expect(h.state.synchronizers.marked.isEmpty)
        #expect(h.state.message?.text == "Read-only: * would mark every row the filter shows; nothing was sent")
    }

    @Test func toggleKeysDoNothingOnOtherPanes() {
        var h = Harness.loaded()
        h.press(.character("3"))
        #expect(h.press(.space).isEmpty)
        #expect(h.press(.character("m")).isEmpty)
        #expect(h.press(.character("e")).isEmpty && h.press(.character("d")).isEmpty)
        #expect(h.state.synchronizers.marked.isEmpty)
        #expect(h.state.modal == nil)
    }

    @Test func copyEmitsTheSelectedKeyAsASecret() {
        var h = Harness.loaded()
        select("s1", &h)
        #expect(h.press(.character("c")) == [.copyToClipboard(Secret("key-s1-0000-aaaa-bbbb"), .synchronizerKey(id: "s1"))])
        h.send(.copyFinished(.synchronizerKey(id: "s1"), .sent, at: at(1)), at: 1)
        #expect(h.state.message?.text == "Key of \"Production Server 1\" sent to the terminal clipboard (OSC 52)")
    }
}
