import Foundation
import SynqAPI
import SynqFiles
import Testing
@testable import SynqViewModel

@Suite struct CreateTests {
    let plaintext = Secret("sk_live_abcdef123456789")

    @Test func createSynchronizerPromptsForARequiredName() {
        var h = Harness.loaded()
        h.press(.character("n"))
        guard case .prompt(let prompt)? = h.state.modal else { Issue.record("no prompt"); return }
        #expect(prompt.purpose == .synchronizerName)
        #expect(h.press(.enter).isEmpty)
        guard case .prompt(let rejected)? = h.state.modal else { Issue.record("prompt closed"); return }
        #expect(rejected.error == "A name is required")
        h.type("  edge-7 q")
        #expect(!h.state.quitRequested, "q is text in a prompt")
        h.press(.backspace, .backspace)
        #expect(h.press(.enter) == [.createSynchronizer(name: "edge-7")])
        #expect(h.state.modal == nil)
        #expect(h.state.isCreating)
    }

    @Test func escCancelsThePrompt() {
        var h = Harness.loaded()
        h.press(.character("n"))
        h.type("x")
        #expect(h.press(.escape).isEmpty)
        #expect(h.state.modal == nil)
        #expect(!h.state.isCreating)
    }

    @Test func aCreatedSynchronizerAppearsSelectedAndHighlightedThenTheListIsRefreshed() {
        var h = Harness.loaded()
        h.press(.character("n"))
        h.type("beta")
        h.press(.enter)
        let created = Synchronizer(id: "s9", key: "b1df0d63-83b3-478d-a55f-a6c402e74185", name: "beta")
        let effects = h.send(.synchronizerCreated(.success(SynchronizerResult(message: "Successfully generated synchronizer", synchronizer: created)), at: at(1)), at: 1)
        #expect(effects == [.fetch(.synchronizers)])
        #expect(!h.state.isCreating)
        #expect(h.state.synchronizers.selected?.id == "s9")
        #expect(h.state.synchronizers.highlights["s9"]?.change == .new)
        #expect(h.state.synchronizers.row(id: "s9")?.createdAt == at(1))
        #expect(h.state.message == StatusMessage("Successfully generated synchronizer: \"beta\"", kind: .success, at: at(1)))
        // The list fills in what the create answer lacked (the state): the row is still new,
        // marked like every other new row, not "changed".
        let listed = Synchronizer(id: "s9", key: created.key, name: "beta", isEnabled: true, createdAt: at(1))
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet + [listed])), at: at(2)), at: 2)
        #expect(h.state.synchronizers.highlights["s9"]?.change == .new)
    }

    @Test func aFailedCreateIsReportedAndNeverRetried() {
        var h = Harness.loaded()
        h.press(.character("n"))
        h.type("beta")
        h.press(.enter)
        let effects = h.send(.synchronizerCreated(.failure(.transport(.enterprise, .timeout)), at: at(1)), at: 1)
        #expect(effects.isEmpty)
        #expect(h.state.message?.kind == .error)
        #expect(h.state.message?.text.contains("not retried") == true)
        for second in stride(from: 2.0, through: 120, by: 1) {
            #expect(!h.send(.tick(at(second)), at: second).contains { if case .createSynchronizer = $0 { true } else { false } })
        }
    }

    @Test func onlyOneCreateAtATime() {
        var h = Harness.loaded()
        h.press(.character("n"))
        h.type("a")
        h.press(.enter)
        h.press(.character("n"))
        #expect(h.state.modal == nil)
        #expect(h.state.message?.text.contains("already on its way") == true)
    }

    @Test func keyNameIsOptional() {
        var h = Harness.loaded()
        h.press(.character("3"), .character("n"))
        guard case .prompt(let prompt)? = h.state.modal else { Issue.record("no prompt"); return }
        #expect(prompt.purpose == .keyName)
        #expect(h.press(.enter) == [.createKey(name: nil)])
        h.send(.keyCreated(name: nil, .failure(.badRequest(.synvo, message: "bad")), at: t0))
        h.press(.character("n"))
        h.type("CI key")
        #expect(h.press(.enter) == [.createKey(name: "CI key")])
    }

    func openKeyModal(_ h: inout Harness) {
        h.press(.character("3"), .character("n"))
        h.type("CI")
        h.press(.enter)
        let rate = RateLimit(limit: 100, remaining: 90, reset: at(3600))
        h.send(.keyCreated(name: "CI", .success(RateLimited(value: CreatedSynvoKey(keyID: "key_new123xyz", apiKey: plaintext), rateLimit: rate)), at: at(1)), at: 1)
    }

    @Test func theNewKeyOpensTheOneTimeModal() {
        var h = Harness.loaded(settings: ViewModelSettings(saveDirectory: "/home/me/"))
        openKeyModal(&h)
        guard case .oneTimeKey(let modal)? = h.state.modal else { Issue.record("no modal"); return }
        #expect(modal.secret == plaintext)
        #expect(modal.keyID == "key_new123xyz")
        #expect(!modal.isRevealed, "masked until v")
        #expect(modal.suggestedPath == "/home/me/synvo-key-key_new123xyz.txt")
        #expect(h.state.keys.row(id: "key_new123xyz")?.status == .active)
        #expect(h.state.keys.highlights["key_new123xyz"]?.change == .new)
        #expect(h.state.rateLimit?.remaining == 90)
        #expect(h.state.activeContexts == [.keyModal])
        #expect(!(h.state.message?.text.contains("sk_live") ?? false))
    }

    @Test func theModalStaysUntilConfirmedAndEscAsksFirst() {
        var h = Harness.loaded()
        openKeyModal(&h)
        // Keys that would switch panes, quit or refresh do nothing here.
        for key: KeyPress in [.character("1"), .character("r"), .tab, .character("j"), .space, .character("?")] {
            #expect(h.press(key).isEmpty)
        }
        guard case .oneTimeKey? = h.state.modal else { Issue.record("modal lost"); return }
        h.press(.escape)
        guard case .oneTimeKey(let asking)? = h.state.modal else { Issue.record("Esc lost the key"); return }
        #expect(asking.isConfirmingClose)
        #expect(h.state.activeContexts == [.confirm])
        h.press(.character("n"))
        guard case .oneTimeKey(let back)? = h.state.modal else { Issue.record("n lost the key"); return }
        #expect(!back.isConfirmingClose)
        h.press(.character("q"))
        #expect(!h.state.quitRequested, "q asks instead of quitting")
        h.press(.escape)
        guard case .oneTimeKey? = h.state.modal else { Issue.record("Esc in the question lost the key"); return }
        h.press(.enter)
        guard case .oneTimeKey(let stillAsking)? = h.state.modal, stillAsking.isConfirmingClose else { Issue.record("Enter without copy/save must ask"); return }
        h.press(.character("y"))
        #expect(h.state.modal == nil)
    }

    @Test func ctrlCInTheModalAsksInsteadOfQuitting() {
        var h = Harness.loaded()
        openKeyModal(&h)
        #expect(h.press(.ctrl("c")).isEmpty)
        #expect(!h.state.quitRequested)
        #expect(h.send(.command(.quit)).isEmpty)
        guard case .oneTimeKey(let modal)? = h.state.modal else { Issue.record("modal lost"); return }
        #expect(modal.isConfirmingClose)
    }

    @Test func copyAndSaveAreEffectsWithResultsInTheModal() {
        var h = Harness.loaded(settings: ViewModelSettings(saveDirectory: "/tmp/x"))
        openKeyModal(&h)
        #expect(h.press(.character("c")) == [.copyToClipboard(plaintext, .oneTimeKey)])
        guard case .oneTimeKey(let copying)? = h.state.modal else { Issue.record("modal lost"); return }
        #expect(copying.copy == .copying)
        h.send(.copyFinished(.oneTimeKey, .unavailable("stdout is not a terminal"), at: at(2)), at: 2)
        guard case .oneTimeKey(let failed)? = h.state.modal else { Issue.record("modal lost"); return }
        #expect(failed.copy == .failed("stdout is not a terminal"))
        #expect(!failed.isSecured)

        #expect(h.press(.character("w")) == [.saveSecret(plaintext, suggestedPath: "/tmp/x/synvo-key-key_new123xyz.txt")])
        #expect(h.press(.character("w")).isEmpty, "no second save while one is running")
        h.send(.saveFinished(.failure(.exists(path: "/tmp/x/synvo-key-key_new123xyz.txt")), at: at(3)), at: 3)
        guard case .oneTimeKey(let saveFailed)? = h.state.modal else { Issue.record("modal lost"); return }
        #expect(saveFailed.save == .failed("/tmp/x/synvo-key-key_new123xyz.txt already exists; not overwriting it"))
        #expect(h.press(.character("w")).count == 1, "a failed save can be retried by the user")
        h.send(.saveFinished(.success("/tmp/x/synvo-key-key_new123xyz-2.txt"), at: at(4)), at: 4)
        guard case .oneTimeKey(let saved)? = h.state.modal else { Issue.record("modal lost"); return }
        #expect(saved.save == .saved(path: "/tmp/x/synvo-key-key_new123xyz-2.txt"))
        #expect(saved.isSecured)
        #expect(h.press(.character("w")).isEmpty, "already saved")
        h.press(.enter)
        #expect(h.state.modal == nil, "Enter closes at once once the key is kept")
        #expect(h.state.message?.text == "Synvo key key_new123xyz: saved in /tmp/x/synvo-key-key_new123xyz-2.txt")
    }

    @Test func vRevealsAndHides() {
        var h = Harness.loaded()
        openKeyModal(&h)
        h.press(.character("v"))
        guard case .oneTimeKey(let shown)? = h.state.modal else { Issue.record("modal lost"); return }
        #expect(shown.isRevealed)
        h.press(.character("v"))
        guard case .oneTimeKey(let hidden)? = h.state.modal else { Issue.record("modal lost"); return }
        #expect(!hidden.isRevealed)
    }

    @Test func theKeyNeverShowsInADescriptionOfTheState() {
        var h = Harness.loaded()
        openKeyModal(&h)
        #expect(!String(describing: h.state).contains("sk_live"))
        #expect(!String(reflecting: h.state).contains("sk_live"))
        var dumped = ""
        dump(h.state, to: &dumped)
        #expect(!dumped.contains("sk_live"))
    }

    @Test func suggestedPathsAreSafeFileNames() {
        #expect(Reducer.suggestedKeyPath(keyID: "../../etc/passwd", directory: ".") == "./synvo-key-______etc_passwd.txt")
        #expect(Reducer.suggestedKeyPath(keyID: "", directory: "") == "./synvo-key-new.txt")
    }
}
