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

    @Test func marksToggleTogetherAfterOneConfirmationThenClear() {
        var h = Harness.loaded()
        select("s1", &h)
        h.press(.character("m"))
        select("s2", &h)
        h.press(.character("m"))
        #expect(h.state.synchronizers.marked == ["s1", "s2"])
        #expect(h.press(.space).isEmpty, "marks always ask, even when some enable")
        guard case .confirmToggle(let question)? = h.state.modal else { Issue.record("no question"); return }
        #expect(question.isBulk)
        #expect(question.question == "Toggle 2 marked synchronizers (1 to disable, 1 to enable)? (y/n)")
        let effects = h.press(.character("y"))
        #expect(Set(effects) == [.toggle(id: "s1", enable: false), .toggle(id: "s2", enable: true)])
        #expect(effects.count == 2)
        #expect(h.state.synchronizers.marked.isEmpty)
        #expect(h.state.isPending("s1") && h.state.isPending("s2"))
        #expect(h.state.synchronizers.row(id: "s1")?.isEnabled == false)
        #expect(h.state.synchronizers.row(id: "s2")?.isEnabled == true)
    }

    @Test func aBulkToggleEndsWithOneSummary() {
        var h = Harness.loaded()
        h.press(.character("m"), .character("m"), .character("m"))
        h.press(.space, .character("y"))
        #expect(h.state.bulkToggle?.total == 3)
        #expect(h.state.message?.text == "Toggling 3 synchronizers…")
        h.send(.toggleFinished(id: "s1", enable: false, answer("s1", enabled: false, message: "Synchronizer disabled successfully"), at: at(1)), at: 1)
        #expect(h.state.message?.text == "Toggling: 1 of 3 answered…")
        h.send(.toggleFinished(id: "s2", enable: true, .failure(.notFound(.enterprise, message: "Synchronizer not found")), at: at(1)), at: 1)
        h.send(.toggleFinished(id: "s3", enable: false, answer("s3", enabled: false, message: "ok"), at: at(1)), at: 1)
        #expect(h.state.bulkToggle == nil)
        #expect(h.state.message == StatusMessage("Toggled 2 of 3; 1 failed: \"Staging Server\": Enterprise API: not found: Synchronizer not found", kind: .error, at: at(1)))
        #expect(h.state.synchronizers.row(id: "s2")?.isEnabled == false, "the failed one rolled back")
        #expect(h.state.synchronizers.row(id: "s1")?.isEnabled == false)
    }

    @Test func declinedBulkToggleKeepsTheMarks() {
        var h = Harness.loaded()
        h.press(.character("m"), .character("m"))
        h.press(.space, .character("n"))
        #expect(h.state.synchronizers.marked.count == 2)
        #expect(h.state.pendingToggles.isEmpty)
    }

    @Test func marksIncludeRowsHiddenByTheFilter() {
        var h = Harness.loaded()
        select("s2", &h)
        h.press(.character("m"), .character("/"))
        h.type("alpha")
        h.press(.enter, .space)
        guard case .confirmToggle(let question)? = h.state.modal else { Issue.record("no question"); return }
        #expect(question.targets == [ToggleTarget(id: "s2", name: "Staging Server", enable: true)])
    }

    @Test func toggleKeysDoNothingOnOtherPanes() {
        var h = Harness.loaded()
        h.press(.character("3"))
        #expect(h.press(.space).isEmpty)
        #expect(h.press(.character("m")).isEmpty)
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
