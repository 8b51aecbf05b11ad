import Foundation
import SynqAPI
import SynqViewModel
import Testing
@testable import SynqTUI

/// The detail view as drawn: every field, whole, with absolute and relative dates.
@Suite struct DetailPanelTests {
    static func flat(_ text: String) -> String {
        text.filter { $0 != "\n" && $0 != "│" && $0 != " " }
    }

    @Test func everyFieldOfASynchronizerWithAbsoluteAndRelativeDates() {
        var state = Fixtures.loaded()
        // Sorted by name, the third row is "Production Server 1".
        Fixtures.apply(&state, .key(.character("g")), .key(.character("j")), .key(.character("j")), .key(.enter))
        let text = Fixtures.render(state, 80, 24).grid.text
        Snapshot.check(text, named: "detail-synchronizer-80x24")
        for expected in ["Synchronizer", "Production Server 1", "enabled", "b1df0d63-83b3-478d-a55f-a6c402e74185", "uuid-1",
                         "\(AbsoluteTime.utc(Fixtures.ago(days: 3))) (3d ago)", "i copy id", "n copy name", "c copy key"] {
            #expect(text.contains(expected), "\(expected)")
        }
    }

    @Test func everyFieldOfASynvoKey() {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .command(.showPane(.keys)), .key(.character("G")), .key(.enter))
        let text = Fixtures.render(state, 80, 24).grid.text
        Snapshot.check(text, named: "detail-key-80x24")
        for expected in ["Synvo key", "Production API Key", "key_abc123xyz", "ACTIVE", "(2mo ago)", "(3m ago)"] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(!text.contains("c copy key"))
    }

    @Test(arguments: [(80, 24), (40, 10), (250, 80)])
    func aLongNameIsShownWhole(width: Int, height: Int) {
        let name = (1...12).map { "segment\($0)" }.joined(separator: "-") + " end-of-the-name"
        var synchronizers = Fixtures.synchronizers
        synchronizers[0].name = name
        var state = Fixtures.loaded(synchronizers: synchronizers)
        Fixtures.apply(&state, .key(.character("G")))
        while Fixtures.render(state, width, height).grid.text.contains("segment1-") == false || state.synchronizers.selected?.name != name {
            Fixtures.apply(&state, .key(.character("k")))
            if state.synchronizers.selectedIndex == 0 { break }
        }
        Fixtures.apply(&state, .key(.enter))
        let text = Fixtures.render(state, width, height).grid.text
        if width >= 80 {
            #expect(Self.flat(text).contains(Self.flat(name)), "the whole name at \(width)x\(height):\n\(text)")
        }
        #expect(text.contains("Esc close"), "the keys stay at \(width)x\(height):\n\(text)")
    }

    @Test func aNameTooLongForTheScreenEndsInAnEllipsisAndTheRestStays() {
        var synchronizers = Fixtures.synchronizers
        synchronizers[0].name = String(repeating: "very-long-name-", count: 400)
        var state = Fixtures.loaded(synchronizers: synchronizers)
        Fixtures.apply(&state, .key(.character("G")))
        for _ in 0..<4 where state.synchronizers.selected?.id != "uuid-1" { Fixtures.apply(&state, .key(.character("k"))) }
        #expect(state.synchronizers.selected?.id == "uuid-1")
        Fixtures.apply(&state, .key(.enter))
        let text = Fixtures.render(state, 80, 24).grid.text
        #expect(text.contains("…"))
        #expect(text.contains("uuid-1") && text.contains("b1df0d63-83b3-478d-a55f-a6c402e74185"), "\(text)")
        #expect(text.contains("n copy name"))
    }

    /// At 40x10 the fields do not all fit: the view says there is more and scrolls to it,
    /// by the renderer's report of what fits (as the app feeds it back).
    @Test(arguments: [true, false])
    func theSmallestScreenScrollsToEveryField(unicode: Bool) throws {
        let glyphs: Glyphs = unicode ? .unicode : .ascii
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .key(.character("g")), .key(.character("j")), .key(.character("j")), .key(.enter))
        func screen() -> Frame {
            let frame = Fixtures.render(state, 40, 10, glyphs: glyphs)
            if let viewport = frame.helpViewport { Fixtures.apply(&state, .helpViewport(viewport)) }
            return frame
        }
        let top = screen()
        Snapshot.check(top.grid, named: "detail-top-40x10\(unicode ? "" : "-ascii")")
        #expect(top.grid.text.contains(unicode ? "↓ more" : "v more"), "\(top.grid.text)")
        #expect(!top.grid.text.contains("Created"), "the last field is below the fold")
        let viewport = try #require(top.helpViewport)
        #expect(viewport.overlay == .detail && viewport.maxOffset > 0)
        for _ in 0..<10 { Fixtures.apply(&state, .key(.character("j"))) }
        let bottom = screen().grid
        Snapshot.check(bottom, named: "detail-bottom-40x10\(unicode ? "" : "-ascii")")
        #expect(bottom.text.contains("Created") && bottom.text.contains("(3d ago)"), "\(bottom.text)")
        #expect(bottom.text.contains(unicode ? "↑ lines" : "^ lines"))
        Fixtures.apply(&state, .key(.pageUp), .key(.pageUp), .key(.pageUp))
        #expect(screen().grid.text == top.grid.text, "PgUp goes back to the top")
        Fixtures.apply(&state, .key(.pageDown))
        #expect(screen().grid.text.contains(unicode ? "↑↓" : "^v") || screen().grid.text.contains("Created"))
    }

    @Test func aViewThatFitsHasNoMoreMark() {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .key(.enter))
        let frame = Fixtures.render(state, 80, 24)
        #expect(!frame.grid.text.contains("more"))
        #expect(frame.helpViewport == HelpViewport(page: 5, maxOffset: 0, overlay: .detail))
    }

    @Test func aRowThatWentAwaySaysSo() {
        var state = Fixtures.loaded()
        Fixtures.apply(&state, .key(.enter))
        Fixtures.apply(&state, .synchronizersLoaded(.success(SynchronizerList(synchronizers: [])), at: Fixtures.now))
        #expect(Fixtures.render(state, 80, 24).grid.text.contains("no longer in the list"))
    }
}
