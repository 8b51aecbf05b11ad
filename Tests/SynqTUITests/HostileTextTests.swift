import Foundation
import SynqAPI
import SynqViewModel
import Testing
@testable import SynqTUI
import SynqText

/// Names a hostile or broken server might send: they must show as text, line up, and
/// never put a control character into the grid.
@Suite struct HostileTextTests {
    static let hostile: [Synchronizer] = [
        Synchronizer(id: "evil-1", key: "k\u{1b}]52;c;ZXZpbA==\u{07}", name: "\u{1b}[2J\u{1b}[31mpwned\u{1b}[0m", isEnabled: true, createdAt: Fixtures.ago(days: 1)),
        Synchronizer(id: "evil-2", key: "key-2", name: "\u{202E}gnp.exe\u{9b}31m\u{7f}", isEnabled: false, createdAt: Fixtures.ago(days: 2)),
        Synchronizer(id: "wide-3", key: "key-3", name: "東京サーバー🚀一号機", isEnabled: true, createdAt: Fixtures.ago(days: 3)),
        Synchronizer(id: "mark-4", key: "key-4", name: "Zalgo z\u{0351}\u{0352}a\u{0300}\u{0301}l\u{0308}go e\u{301}", isEnabled: true, createdAt: Fixtures.ago(days: 4)),
        Synchronizer(id: "long-5", key: String(repeating: "k", count: 10_000), name: String(repeating: "long", count: 2_500), isEnabled: true, createdAt: Fixtures.ago(days: 5)),
    ]

    @Test(arguments: ScreenSnapshotTests.sizes)
    func hostileNames(width: Int, height: Int) {
        let state = Fixtures.loaded(synchronizers: Self.hostile)
        let frame = Fixtures.render(state, width, height)
        Snapshot.check(frame.grid.text, named: "hostile-\(width)x\(height)")
        for cell in frame.grid.cells {
            #expect(!cell.text.unicodeScalars.contains(where: Sanitizer.isUnsafe), "control character in a cell: \(cell.text.debugDescription)")
        }
    }

    @Test func everyRowIsExactlyTheScreenWidth() {
        let frame = Fixtures.render(Fixtures.loaded(synchronizers: Self.hostile), 80, 24)
        for y in 0..<frame.grid.height {
            var columns = 0
            for x in 0..<frame.grid.width {
                let cell = frame.grid[x, y]
                if cell.isContinuation { continue }
                columns += Int(cell.width)
                #expect(CharacterWidth.of(cell.text) == Int(cell.width) || cell.text.hasPrefix(" "), "cell width matches its text at \(x),\(y)")
            }
            #expect(columns == 80, "row \(y) covers \(columns) columns")
        }
    }

    @Test func escapesAreVisible() {
        let text = Fixtures.render(Fixtures.loaded(synchronizers: Self.hostile), 80, 24).grid.text
        #expect(text.contains("\\x1b[2J"))
        #expect(text.contains("\\u{202E}"))
    }
}
