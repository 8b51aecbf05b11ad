import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

@Suite struct CredentialTests {
    @Test func missingKeysArePromptedMaskedInTurn() {
        var h = Harness(configured: [], settings: ViewModelSettings(canAskForCredentials: true))
        #expect(h.send(.start).isEmpty)
        guard case .prompt(let prompt)? = h.state.modal else { Issue.record("no prompt"); return }
        #expect(prompt.purpose == .credential(.enterprise))
        #expect(prompt.field.isMasked)
        h.send(.key(.paste("ent-secret-key")))
        guard case .prompt(let typed)? = h.state.modal else { Issue.record("prompt lost"); return }
        #expect(typed.field.display == String(repeating: "•", count: 14))
        #expect(!String(reflecting: h.state).contains("ent-secret-key"))
        #expect(h.press(.enter) == [.useCredential(.enterprise, Secret("ent-secret-key"))])
        let effects = h.send(.credentialFinished(.enterprise, error: nil, at: t0))
        #expect(effects == [.fetch(.synchronizers)], "what is on screen loads now; preferences when shown")
        #expect(h.state.configured == [.enterprise])
        #expect(h.state.modal == nil, "no second prompt opens under the user's next keys")
        h.press(.character("3"))
        #expect(h.state.pane == .keys, "3 switches panes instead of landing in a Synvo prompt")
        #expect(h.state.activeContexts == [.unconfigured, .global])
        h.press(.enter)
        guard case .prompt(let synvo)? = h.state.modal else { Issue.record("Enter on the pane should ask"); return }
        #expect(synvo.purpose == .credential(.synvo))
        h.press(.escape)
        #expect(h.state.modal == nil, "Esc goes on with one API")
        #expect(h.state.message?.text == "Continuing without the Synvo API")
        h.press(.character("2"))
        #expect(h.state.pane == .preferences)
        #expect(h.effects.last == .fetch(.preferences), "the other Enterprise pane loads when shown")
    }

    @Test func aRefusedKeyStopsPollingAndANewOneCanBeTyped() {
        var h = Harness.loaded(settings: ViewModelSettings(canAskForCredentials: true))
        h.press(.character("3"))
        h.send(.tick(at(5)), at: 5)
        #expect(h.effects.contains(.fetch(.keys)))
        h.send(.keysLoaded(.failure(.unauthorized(.synvo, message: "Invalid API key", code: .invalidAPIKey)), at: at(5)), at: 5)
        #expect(h.state.rejectedKeys[.synvo] != nil)
        h.effects = []
        for second in stride(from: 6.0, through: 900, by: 7) { h.send(.tick(at(second)), at: second) }
        #expect(!h.effects.contains(.fetch(.keys)), "a refused key is not retried by the poller (it would spend the budget)")
        h.press(.character("1"), .character("3"))
        #expect(!h.effects.contains(.fetch(.keys)), "nor on showing the pane again")
        #expect(h.state.activeContexts.first == .unconfigured)
        h.press(.enter)
        guard case .prompt(let prompt)? = h.state.modal else { Issue.record("Enter should ask for a new key"); return }
        #expect(prompt.purpose == .credential(.synvo))
        h.send(.key(.paste("new-synvo-key")))
        #expect(h.press(.enter) == [.useCredential(.synvo, Secret("new-synvo-key"))])
        #expect(h.send(.credentialFinished(.synvo, error: nil, at: at(901)), at: 901) == [.fetch(.keys)])
        #expect(h.state.rejectedKeys.isEmpty)
        h.send(.keysLoaded(.success(RateLimited(value: SynvoKeyList(items: []), rateLimit: nil)), at: at(902)), at: 902)
        #expect(h.state.keysResource.nextPoll != nil, "polling resumes with the new key")
    }

    @Test func rRetriesARefusedKeyByHand() {
        var h = Harness.loaded()
        h.send(.tick(at(5)), at: 5)
        h.send(.synchronizersLoaded(.failure(.unauthorized(.enterprise, message: "Unauthorized", code: nil)), at: at(5)), at: 5)
        #expect(h.state.synchronizersResource.nextPoll == nil)
        #expect(h.press(.character("r")) == [.fetch(.synchronizers)])
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet)), at: at(6)), at: 6)
        #expect(h.state.rejectedKeys.isEmpty, "an answer proves the key works again")
        #expect(h.state.synchronizersResource.nextPoll == at(11), "polling resumes")
    }

    @Test func aRejectedKeyAsksAgainWithTheReason() {
        var h = Harness(configured: [.synvo], settings: ViewModelSettings(canAskForCredentials: true))
        h.send(.start)
        #expect(h.state.pane == .keys)
        #expect(h.state.modal == nil, "the pane on screen has its key: nothing asks")
        h.press(.character("1"), .enter)
        h.press(.enter)
        guard case .prompt(let empty)? = h.state.modal, empty.error != nil else { Issue.record("empty key accepted"); return }
        h.send(.credentialFinished(.enterprise, error: .rejected(.enterprise, reason: "invalid base URL"), at: t0))
        guard case .prompt(let prompt)? = h.state.modal else { Issue.record("no prompt"); return }
        #expect(prompt.error == "Enterprise API: invalid base URL")
    }

    @Test func withoutAFactoryTheUserIsToldWhatToSet() {
        var h = Harness(configured: [.synvo])
        h.send(.start)
        #expect(h.state.modal == nil)
        h.press(.character("1"), .enter)
        #expect(h.state.modal == nil)
        #expect(h.state.message?.text == "Enterprise API is not configured: set ENTERPRISE_API_KEY and restart")
    }
}
