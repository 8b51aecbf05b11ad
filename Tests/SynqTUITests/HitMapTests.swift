import Foundation
import SynqAPI
import SynqViewModel
import Testing
@testable import SynqTUI

/// The frame says where its tabs and rows are, from the same drawing that put them there:
/// a click on a line selects the row drawn on it, a click on a tab's label switches to it.
@Suite struct HitMapTests {
    static func line(_ frame: Frame, _ y: Int) -> String {
        frame.grid.text.components(separatedBy: "\n")[y]
    }

    @Test(arguments: [40, 80, 250])
    func eachTabLabelIsItsTarget(width: Int) {
        let frame = Fixtures.render(Fixtures.loaded(), width, 24)
        let cells = (0..<width).map { frame.grid[$0, 0].text }
        for pane in Pane.allCases {
            let xs = (0..<width).filter { frame.hits.target(x: $0, y: 0) == .tab(pane) }
            #expect(!xs.isEmpty, "\(pane) at \(width)")
            #expect(xs.map { cells[$0] }.joined().contains("\(pane.rawValue)"), "the region holds the tab's number")
            #expect(xs == Array((xs.first ?? 0)...(xs.last ?? 0)), "one span")
        }
        #expect(frame.hits.target(x: width - 2, y: 0) == nil, "the fleet name is not a tab")
    }

    @Test func eachDrawnRowIsTheTargetOfItsLine() {
        let frame = Fixtures.render(Fixtures.loaded(), 80, 24)
        var seen: [String] = []
        for y in 0..<24 {
            guard case .row(let id, let pane)? = frame.hits.target(x: 10, y: y) else { continue }
            #expect(pane == .synchronizers)
            let name = Fixtures.synchronizers.first { $0.id == id }?.name ?? "?"
            #expect(Self.line(frame, y).contains(name), "line \(y) shows \(name): \(Self.line(frame, y))")
            seen.append(id)
        }
        #expect(Set(seen) == Set(Fixtures.synchronizers.map(\.id)))
        #expect(frame.hits.target(x: 10, y: 2) == nil, "the header is not a row")
    }

    @Test func aScrolledTableNamesTheRowsItShows() throws {
        let many = (0..<60).map { Synchronizer(id: "id-\($0)", key: "k\($0)", name: String(format: "host %02d", $0), isEnabled: true, createdAt: Fixtures.now) }
        var state = Fixtures.loaded(synchronizers: many)
        Fixtures.apply(&state, .key(.character("G")))
        let frame = Fixtures.render(state, 80, 24)
        let line = try #require((0..<24).first { Self.line(frame, $0).contains("host 59") })
        #expect(frame.hits.target(x: 5, y: line) == .row(id: "id-59", pane: .synchronizers))
        #expect(frame.hits.target(x: 5, y: line - 1) == .row(id: "id-58", pane: .synchronizers))
    }

    @Test func rowsUnderHelpOrTheDetailViewAreNotTargetsButTabsAre() {
        for keys in [[KeyPress.character("?")], [.enter]] {
            var state = Fixtures.loaded()
            for key in keys { Fixtures.apply(&state, .key(key)) }
            let frame = Fixtures.render(state, 80, 24)
            let rows = (0..<24).flatMap { y in (0..<80).compactMap { frame.hits.target(x: $0, y: y) } }.filter {
                if case .row = $0 { return true }
                return false
            }
            #expect(rows.isEmpty, "\(keys)")
            #expect((0..<80).contains { frame.hits.target(x: $0, y: 0) == .tab(.keys) })
        }
    }

    @Test func helpListsTheMouseUnlessItIsOff() {
        var on = Fixtures.loaded()
        Fixtures.apply(&on, .key(.character("?")))
        #expect(Fixtures.render(on, 250, 60).grid.text.contains(MouseHelp.title))
        var off = Fixtures.loaded(settings: ViewModelSettings(mouse: false))
        Fixtures.apply(&off, .key(.character("?")))
        #expect(!Fixtures.render(off, 250, 60).grid.text.contains("Mouse"))
    }
}
