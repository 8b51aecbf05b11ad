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
        #expect(effects == [.fetch(.synchronizers), .fetch(.preferences)])
        #expect(h.state.configured == [.enterprise])
        guard case .prompt(let next)? = h.state.modal else { Issue.record("no second prompt"); return }
        #expect(next.purpose == .credential(.synvo))
        h.press(.escape)
        #expect(h.state.modal == nil, "Esc goes on with one API")
        #expect(h.state.message?.text == "Continuing without the Synvo API")
        h.press(.character("3"))
        #expect(h.state.activeContexts == [.unconfigured, .global])
        h.press(.enter)
        guard case .prompt(let again)? = h.state.modal else { Issue.record("Enter on the pane should ask again"); return }
        #expect(again.purpose == .credential(.synvo))
    }

    @Test func aRejectedKeyAsksAgainWithTheReason() {
        var h = Harness(configured: [.synvo], settings: ViewModelSettings(canAskForCredentials: true))
        h.send(.start)
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
