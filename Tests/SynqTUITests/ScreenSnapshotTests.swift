import Foundation
import SynqAPI
import SynqViewModel
import Testing
@testable import SynqTUI

/// Whole screens as text, at the standard and the smallest supported size.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (40, 10)]

    @Test(arguments: sizes)
    func synchronizersPane(width: Int, height: Int) {
        let state = Fixtures.loaded()
        Snapshot.check(Fixtures.render(state, width, height).grid.text, named: "synchronizers-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func preferencesPane(width: Int, height: Int) {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.showPane(.preferences)))
        let text = Fixtures.render(state, width, height).grid.text
        Snapshot.check(text, named: "preferences-\(width)x\(height)")
        #expect(!text.contains("β’"), "the server's password text is never shown, only our mask")
    }

    @Test(arguments: sizes)
    func keysPane(width: Int, height: Int) {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.showPane(.keys)))
        Snapshot.check(Fixtures.render(state, width, height).grid.text, named: "keys-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func helpOverlay(width: Int, height: Int) {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.toggleHelp))
        Snapshot.check(Fixtures.render(state, width, height).grid.text, named: "help-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func oneTimeKeyModal(width: Int, height: Int) {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.showPane(.keys)), .key(.character("n")))
        for character in "deploy bot" { Fixtures.apply(&state, .key(.character(character))) }
        Fixtures.apply(&state, .key(.enter))
        let created = CreatedSynvoKey(keyID: "key_new123xyz", apiKey: Secret("sk_live_abcdef123456789SECRETTAIL"))
        Fixtures.apply(&state, .keyCreated(name: "deploy bot", .success(RateLimited(value: created, rateLimit: nil)), at: Fixtures.now))
        let masked = Fixtures.render(state, width, height).grid.text
        Snapshot.check(masked, named: "keymodal-\(width)x\(height)")
        #expect(!masked.contains("SECRETTAIL"), "the key is masked until the user reveals it")
        Fixtures.apply(&state, .key(.character("v")))
        let revealed = Fixtures.render(state, width, height).grid.text
        Snapshot.check(revealed, named: "keymodal-revealed-\(width)x\(height)")
        #expect(revealed.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "│", with: "").contains("SECRETTAIL"),
                "revealed, the whole key is on screen (wrapped if need be)")
        Fixtures.apply(&state, .key(.enter))
        let asking = Fixtures.render(state, width, height).grid.text
        Snapshot.check(asking, named: "keymodal-close-question-\(width)x\(height)")
        #expect(asking.contains("(y/n)"), "the close question is shown whole, wrapped")
    }

    @Test(arguments: [(39, 10), (40, 9), (20, 5), (1, 1)])
    func tooSmall(width: Int, height: Int) {
        let text = Fixtures.render(Fixtures.loaded(), width, height).grid.text
        Snapshot.check(text, named: "too-small-\(width)x\(height)")
        if width >= 18 { #expect(text.contains("Terminal too small")) }
        #expect(!text.contains("Synchronizers"), "nothing else is drawn")
    }

    @Test func confirmDisable() {
        var state = Fixtures.loaded()
        // Sorted by name: "edge-eu-west-1", "lab", "Production Server 1", "Staging Server".
        Fixtures.apply(&state, .key(.character("g")))
        Fixtures.apply(&state, .key(.space))
        Snapshot.check(Fixtures.render(state, 80, 24).grid.text, named: "confirm-disable-80x24")
    }

    @Test func pendingToggleShowsAMark() {
        var state = Fixtures.loaded()
        // "Staging Server" is the last row and disabled: enabling asks nothing.
        Fixtures.apply(&state, .key(.character("G")), .key(.space))
        let text = Fixtures.render(state, 80, 24).grid.text
        Snapshot.check(text, named: "pending-80x24")
        #expect(text.contains("⋯ Staging Server"))
    }

    @Test func filterAndMarks() {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .key(.character("m")), .key(.character("j")), .key(.character("m")))
        Fixtures.apply(&state, .key(.character("/")), .key(.character("e")))
        Snapshot.check(Fixtures.render(state, 80, 24).grid.text, named: "filter-marks-80x24")
    }

    @Test func readOnlyStaleAndRateLimited() {
        var state = Fixtures.loaded(settings: ViewModelSettings(readOnly: true))
        Fixtures.apply(&state, .synchronizersLoaded(.failure(.transport(.enterprise, .refused)), at: Fixtures.now.addingTimeInterval(-42)))
        Fixtures.apply(&state, .keysLoaded(.failure(.rateLimited(.synvo, resetAt: Fixtures.now.addingTimeInterval(75), rateLimit: nil)), at: Fixtures.now))
        let text = Fixtures.render(state, 80, 24).grid.text
        Snapshot.check(text, named: "readonly-stale-429-80x24")
        #expect(text.contains("READ-ONLY"))
    }

    @Test func asciiFallback() {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .key(.character("m")))
        let text = Fixtures.render(state, 80, 24, glyphs: .ascii).grid.text
        Snapshot.check(text, named: "ascii-synchronizers-80x24")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "C locale: nothing but ASCII reaches the terminal")
    }

    @Test func missingCredentialIsMasked() {
        var state = AppState(settings: ViewModelSettings(canAskForCredentials: true), configured: [.synvo], now: Fixtures.now)
        Fixtures.apply(&state, .start)
        Fixtures.apply(&state, .command(.showPane(.synchronizers)))
        let before = Fixtures.render(state, 80, 24).grid.text
        Snapshot.check(before, named: "unconfigured-80x24")
        Fixtures.apply(&state, .key(.enter))
        Fixtures.apply(&state, .key(.paste("ent_live_TOPSECRET")))
        let frame = Fixtures.render(state, 80, 24)
        Snapshot.check(frame.grid.text, named: "credential-prompt-80x24")
        #expect(!frame.grid.text.contains("TOPSECRET"), "a typed key is never drawn")
        #expect(frame.cursor != nil, "the prompt shows the cursor")
    }
}
