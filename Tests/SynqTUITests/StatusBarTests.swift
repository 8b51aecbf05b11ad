import Foundation
import SynqAPI
import SynqViewModel
import Testing
@testable import SynqTUI

/// The status bar as drawn on the bottom row: what survives a narrow line, by priority.
@Suite struct StatusBarTests {
    static func bottom(_ state: AppState, _ width: Int, _ height: Int) -> (text: String, grid: Grid) {
        let grid = Fixtures.render(state, width, height).grid
        let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
        return (String(lines[height - 1]), grid)
    }

    /// The role of the first cell of `text` on the bottom row.
    static func role(of text: String, in grid: Grid) -> StyleRole? {
        let y = grid.height - 1
        let line = (0..<grid.width).map { grid[$0, y].isContinuation ? "" : grid[$0, y].text }
        for x in 0..<grid.width where line[x...].joined().hasPrefix(text) { return grid[x, y].role }
        return nil
    }

    static var readOnlyFailing: AppState {
        var state = Fixtures.loaded(settings: ViewModelSettings(readOnly: true))
        Fixtures.apply(&state, .synchronizersLoaded(.failure(.transport(.enterprise, .refused("127.0.0.1:9"))), at: Fixtures.now.addingTimeInterval(-42)))
        return state
    }

    @Test(arguments: [(80, 24), (40, 10)])
    func readOnlyKeepsTheHelpHintAndTheBudget(width: Int, height: Int) throws {
        let (text, grid) = Self.bottom(Fixtures.loaded(settings: ViewModelSettings(readOnly: true)), width, height)
        #expect(text.hasSuffix("? help"), "\(width)x\(height): \(text)")
        #expect(text.contains("97/100"), "\(width)x\(height): \(text)")
        let marker = width >= 80 ? "READ-ONLY" : "RO"
        #expect(text.hasPrefix(" " + marker), "\(width)x\(height): \(text)")
        #expect(Self.role(of: marker, in: grid) == .readonly)
        #expect(Self.role(of: "? help", in: grid) == .statusBar)
    }

    @Test(arguments: [(80, 24), (40, 10)])
    func anErrorShortensBeforeTheRightSideGoes(width: Int, height: Int) {
        let (text, grid) = Self.bottom(Self.readOnlyFailing, width, height)
        #expect(text.contains("stale 42s"), "\(width)x\(height): \(text)")
        #expect(text.hasSuffix("? help"), "\(width)x\(height): \(text)")
        #expect(Self.role(of: "stale 42s", in: grid) == .statusError)
        if width >= 80 { #expect(text.contains("Synvo 97/100") || text.contains("97/100")) }
    }

    /// A bulk question longer than the line is cut before "(y/n)", so the answer keys always show.
    @Test(arguments: [(40, 10), (80, 24)])
    func aLongQuestionKeepsItsAnswerKeys(width: Int, height: Int) {
        var state = Fixtures.loaded()
        // Sorted by name, "edge-eu-west-1" (enabled) first and "Staging Server" (disabled) last.
        Fixtures.apply(&state, .key(.character("m")), .key(.character("G")), .key(.character("m")), .key(.character("d")))
        let lines = Fixtures.render(state, width, height).grid.text.split(separator: "\n", omittingEmptySubsequences: false)
        let question = String(lines[height - 2])
        #expect(question.hasPrefix(" Disable 1 marked synchronizer?"), "\(width)x\(height): \(question)")
        #expect(question.hasSuffix("(y/n)"), "\(width)x\(height): \(question)")
    }

    @Test func theBudgetSaysWhatItCounts() {
        let (text, grid) = Self.bottom(Fixtures.loaded(), 80, 24)
        #expect(text.contains("Synvo budget 97/100"), "\(text)")
        #expect(Self.role(of: "Synvo budget 97/100", in: grid) == .statusInfo)
    }

    @Test func aCountdownOutlivesEverythingButReadOnly() {
        var state = Self.readOnlyFailing
        Fixtures.apply(&state, .keysLoaded(.failure(.rateLimited(.synvo, resetAt: Fixtures.now.addingTimeInterval(75), rateLimit: nil)), at: Fixtures.now))
        let (wide, _) = Self.bottom(state, 80, 24)
        #expect(wide.contains("READ-ONLY") && wide.contains("stale 42s") && wide.contains("1m 15s") && wide.hasSuffix("? help"), "\(wide)")
        let (narrow, _) = Self.bottom(state, 40, 10)
        #expect(narrow.contains("RO") && narrow.contains("429 1m 15s"), "\(narrow)")
    }

    @Test func beforeAnyDataALoadIsFailingNotStale() {
        var state = AppState(settings: ViewModelSettings(), configured: [.enterprise], now: Fixtures.now)
        Fixtures.apply(&state, .start, .synchronizersLoaded(.failure(.transport(.enterprise, .refused("127.0.0.1:9"))), at: Fixtures.now.addingTimeInterval(-7)))
        let (text, _) = Self.bottom(state, 80, 24)
        #expect(!text.contains("stale"), "\(text)")
        #expect(text.contains("failing for 7s"), "\(text)")
    }

    @Test func nothingIsCutByTheEdgeAtAnyWidth() {
        let state = Self.readOnlyFailing
        for width in 40...140 {
            let (text, _) = Self.bottom(state, width, 24)
            #expect(!text.contains("…"), "\(width): \(text)")
            #expect(text.hasSuffix("? help"), "\(width): \(text)")
        }
    }
}
