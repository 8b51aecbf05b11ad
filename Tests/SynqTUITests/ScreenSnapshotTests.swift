import Foundation
import SynqAPI
import SynqJournal
import SynqViewModel
import Testing
@testable import SynqTUI

/// Whole screens as text, at the standard and the smallest supported size.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (40, 10)]

    @Test(arguments: sizes)
    func synchronizersPane(width: Int, height: Int) {
        let state = Fixtures.loaded()
        Snapshot.check(Fixtures.render(state, width, height).grid, named: "synchronizers-\(width)x\(height)")
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
        Snapshot.check(Fixtures.render(state, width, height).grid, named: "keys-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func eventsPane(width: Int, height: Int) {
        var state = Fixtures.loaded()
        func event(_ id: String, _ name: String?, _ resource: JournalResource, _ kind: EventKind, _ old: String?, _ new: String?,
                   _ origin: EventOrigin, minutesAgo: Double) -> JournalEvent {
            JournalEvent(observedAt: Fixtures.ago(minutes: minutesAgo), profile: "default", resource: resource, itemID: id, name: name,
                         kind: kind, oldValue: old, newValue: new, origin: origin)
        }
        Fixtures.apply(&state, .command(.showPane(.events)), .journal(.opened),
                       .journalHistory([event("uuid-2", "Staging Server", .synchronizer, .disabled, "enabled", "disabled", .synq, minutesAgo: 90)]),
                       .journal(.recorded([
                           event("key_ghi789rst", "Old Testing Key", .synvoKey, .statusChanged, "ACTIVE", "REVOKED", .observed, minutesAgo: 0),
                           event("uuid-3", "edge-eu-west-1", .synchronizer, .renamed, "edge-1", "edge-eu-west-1", .observed, minutesAgo: 0),
                       ])))
        let frame = Fixtures.render(state, width, height)
        Snapshot.check(frame.grid, named: "events-\(width)x\(height)")
        #expect(frame.bells == 1, "the revoked key rings the bell once")
    }

    @Test(arguments: sizes)
    func helpOverlay(width: Int, height: Int) {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.toggleHelp))
        Snapshot.check(Fixtures.render(state, width, height).grid.text, named: "help-\(width)x\(height)")
    }

    @Test func helpOverlayScrollsAtTheSmallestSize() throws {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.toggleHelp))
        // Like the terminal loop: the renderer reports what fits, the reducer pages by it.
        let first = Fixtures.render(state, 40, 10)
        let viewport = try #require(first.helpViewport)
        // Six lines, one of them the wrapped second line of "Events pane (what changed)".
        #expect(viewport.page == 5, "one column of five entries in six lines")
        #expect(viewport.maxOffset > 0, "the help does not fit in 40x10")
        #expect(first.grid.text.contains("↓ more · lines 1–5 of"))
        #expect(!first.grid.text.contains("enlarge"))
        #expect(Fixtures.render(state, 40, 10, glyphs: .ascii).grid.text.contains("v more - lines 1-5 of"), "ASCII terminals get an ASCII hint")
        Fixtures.apply(&state, .helpViewport(viewport), .key(.pageDown), .key(.character("j")))
        #expect(state.helpOffset == 6)
        let scrolled = Fixtures.render(state, 40, 10).grid.text
        Snapshot.check(scrolled, named: "help-scrolled-40x10")
        #expect(scrolled.contains("↑↓ lines 7–"))
        #expect(!scrolled.contains("Close help"), "the first lines scrolled away")

        Fixtures.apply(&state, .key(.character("G")))
        let end = Fixtures.render(state, 40, 10).grid.text
        #expect(end.contains("Waiting for the server"), "the last line of help (the legend's) is reachable")
        let total = Self.helpTotal(first.grid.text)
        #expect(total > 6)
        #expect(end.contains("↑ lines \(viewport.maxOffset + 1)–\(total) of \(total)"))
        // Closing and reopening starts at the top again.
        Fixtures.apply(&state, .key(.escape), .key(.character("?")))
        #expect(Fixtures.render(state, 40, 10).grid.text.contains("lines 1–5"))
    }

    /// Help that does not fit lists its own keys first, so its first page says how to reach
    /// the rest (at 80x24 they were on the third page, after 60 other lines).
    @Test(arguments: [(80, 24), (40, 10)])
    func theFirstPageOfAScrollingHelpNamesItsScrollKeys(width: Int, height: Int) {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.toggleHelp))
        let text = Fixtures.render(state, width, height).grid.text
        #expect(text.contains("↓ more"))
        #expect(text.contains("↓ j          Scroll down") && text.contains("PgUp Ctrl-B  Scroll a page up"), "\(text)")
    }

    /// The "of N" of the help overlay's position hint.
    static func helpTotal(_ screen: String) -> Int {
        guard let range = screen.range(of: #"of \d+"#, options: .regularExpression) else { return 0 }
        return Int(screen[range].dropFirst(3)) ?? 0
    }

    @Test func helpOffsetIsClampedByTheRendererWhenTheScreenGrows() {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.toggleHelp), .key(.character("G")))
        // No size reported yet: the state holds a large offset; the drawing still ends at the last line.
        let frame = Fixtures.render(state, 40, 10)
        let total = Self.helpTotal(frame.grid.text)
        #expect(frame.grid.text.contains("–\(total) of \(total)"))
        #expect(frame.grid.text.contains("Waiting for the server"))
        let wide = Fixtures.render(state, 120, 40)
        #expect(wide.helpViewport?.maxOffset == 0, "everything fits at 120x40")
        #expect(!wide.grid.text.contains("more"), "no position hint when nothing is hidden")
        #expect(wide.grid.text.contains("Everywhere"))
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

    @Test func keyModalKeepsEveryActionAndTheSavePathAtTheSmallestSize() {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.showPane(.keys)), .key(.character("n")), .key(.enter))
        // A key as long as a real Synvo key: revealed, it takes two lines at 40 columns.
        let secret = "sk_live_4f9a2c7e1b8d3f6a0c5e9b2d7f4a1c8eTAIL"
        let created = CreatedSynvoKey(keyID: "key_new123xyz", apiKey: Secret(secret))
        Fixtures.apply(&state, .keyCreated(name: nil, .success(RateLimited(value: created, rateLimit: nil)), at: Fixtures.now))
        func flat(_ text: String) -> String { text.filter { $0 != "\n" && $0 != "│" && $0 != " " } }
        let actions = ["c copy", "w save", "v show", "Enter done"]

        let masked = Fixtures.render(state, 40, 10).grid.text
        for action in actions { #expect(masked.contains(action), "\(action) at 40x10") }
        #expect(masked.contains("./synvo-key-key_new123xyz.txt"), "where w saves is shown")
        #expect(masked.contains("Name:"), "with room to spare, nothing is dropped")

        Fixtures.apply(&state, .key(.character("v")), .key(.character("c")), .copyFinished(.oneTimeKey, .sent, at: Fixtures.now))
        let copied = Fixtures.render(state, 40, 10).grid.text
        Snapshot.check(copied, named: "keymodal-copied-40x10")
        for action in ["c copy", "w save", "v hide", "Enter done"] { #expect(copied.contains(action), "\(action) at 40x10") }
        #expect(flat(copied).contains(secret), "the whole key, wrapped")
        #expect(copied.contains("Sent to the clipboard (OSC 52)."))
        #expect(copied.contains("./synvo-key-key_new123xyz.txt"))
        #expect(!copied.contains("Name:"), "the name is the first to go when space is short")

        let wide = Fixtures.render(state, 80, 24).grid.text
        #expect(wide.contains("Sent to the terminal clipboard (OSC 52)."), "the long wording when it fits")
        #expect(wide.contains("c copy · w save · v hide · Enter done"))
        #expect(wide.contains("w saves to ./synvo-key-key_new123xyz.txt"))
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
        Snapshot.check(Fixtures.render(state, 80, 24).grid, named: "confirm-disable-80x24")
    }

    @Test func pendingToggleShowsAMark() {
        var state = Fixtures.loaded()
        // "Staging Server" is the last row and disabled: enabling asks nothing.
        Fixtures.apply(&state, .key(.character("G")), .key(.space))
        let grid = Fixtures.render(state, 80, 24).grid
        let text = grid.text
        Snapshot.check(grid, named: "pending-80x24")
        #expect(text.contains("⋯ Staging Server"))
    }

    @Test func aRowChangedByAPollIsHighlighted() throws {
        var state = Fixtures.loaded()
        var polled = Fixtures.synchronizers
        polled[1].isEnabled = true  // "Staging Server", enabled behind synq's back
        Fixtures.apply(&state, .synchronizersLoaded(.success(SynchronizerList(synchronizers: polled)), at: Fixtures.now))
        let grid = Fixtures.render(state, 80, 24).grid
        Snapshot.check(grid, named: "changed-80x24")
        let row = try #require((0..<grid.height).first { y in (0..<grid.width).map { grid[$0, y].text }.joined().contains("Staging Server") })
        #expect((0..<grid.width).contains { grid[$0, row].role == .changed }, "the changed row carries the changed role")
    }

    @Test func filterAndMarks() {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .key(.character("m")), .key(.character("j")), .key(.character("m")))
        Fixtures.apply(&state, .key(.character("/")), .key(.character("e")))
        Snapshot.check(Fixtures.render(state, 80, 24).grid, named: "filter-marks-80x24")
    }

    @Test func readOnlyStaleAndRateLimited() {
        var state = Fixtures.loaded(settings: ViewModelSettings(readOnly: true))
        Fixtures.apply(&state, .synchronizersLoaded(.failure(.transport(.enterprise, .refused("127.0.0.1:8080"))), at: Fixtures.now.addingTimeInterval(-42)))
        Fixtures.apply(&state, .keysLoaded(.failure(.rateLimited(.synvo, resetAt: Fixtures.now.addingTimeInterval(75), rateLimit: nil)), at: Fixtures.now))
        let grid = Fixtures.render(state, 80, 24).grid
        let text = grid.text
        Snapshot.check(grid, named: "readonly-stale-429-80x24")
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
        var state = AppState(settings: ViewModelSettings(canAskForCredentials: true), configured: [.synvo], now: Fixtures.now, fleet: Fixtures.fleet)
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
