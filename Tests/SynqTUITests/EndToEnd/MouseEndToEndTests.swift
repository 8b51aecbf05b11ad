import Foundation
import SynqTestSupport
import Testing

/// The mouse in a real terminal: synq asks tmux for mouse reports, and a press sent in the
/// encoding the terminal type declares (`kmous`: X10 for tmux-256color, SGR 1006 for
/// xterm-256color) selects the row drawn on that line or switches to the tab clicked.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is missing; apt-get install tmux to run the terminal end-to-end tests"))
struct MouseEndToEndTests {
    /// A press of `button` (0 left, 64 wheel up, 65 wheel down) at the 0-based cell x, y.
    static func press(_ button: Int, x: Int, y: Int, term: String) -> String {
        if term.hasPrefix("xterm") { return "\u{1b}[<\(button);\(x + 1);\(y + 1)M" }
        return "\u{1b}[M" + [32 + button, 33 + x, 33 + y].map { String(UnicodeScalar(UInt8($0))) }.joined()
    }

    /// A left click as a terminal sends it: the press and its release (ncurses takes a
    /// second press without a release in between for a drag).
    static func click(x: Int, y: Int, term: String) -> String {
        if term.hasPrefix("xterm") { return press(0, x: x, y: y, term: term) + "\u{1b}[<0;\(x + 1);\(y + 1)m" }
        return press(0, x: x, y: y, term: term) + press(3, x: x, y: y, term: term)
    }

    /// The selected synchronizer's key, from the line under the table ("key K  id I").
    static func selectedKey(_ screen: String) -> String? {
        guard let line = screen.split(separator: "\n").last(where: { $0.hasPrefix(" key ") }) else { return nil }
        return line.dropFirst(5).split(separator: " ").first.map(String.init)
    }

    static func lines(_ screen: String) -> [String] { screen.components(separatedBy: "\n") }

    @Test(arguments: ["tmux-256color", "xterm-256color"])
    func aClickSelectsTheRowAndTheWheelMovesAndATabSwitches(term: String) async throws {
        try await TUIEndToEndTests.withTUI(term: term == "tmux-256color" ? nil : term) { _, tmux in
            let first = try await tmux.waitForScreen { $0.contains("Synchronizers (40)") && Self.selectedKey($0) != nil }
            #expect(first.ok, "fleet shown:\n\(first.screen)")
            #expect(try await tmux.tmux.display("#{mouse_standard_flag}") == "1", "synq asked the terminal for mouse reports")
            let header = try #require(Self.lines(first.screen).firstIndex { $0.contains("NAME") })
            let before = try #require(Self.selectedKey(first.screen))
            let target = header + 5
            try await tmux.type(Self.click(x: 10, y: target, term: term))
            let clicked = try await tmux.waitForScreen { Self.selectedKey($0).map { $0 != before } ?? false }
            #expect(clicked.ok, "the click moved the selection:\n\(clicked.screen)")
            let key = try #require(Self.selectedKey(clicked.screen))
            #expect(Self.lines(clicked.screen)[target].contains(key.prefix(8)), "the row on the clicked line is selected:\n\(clicked.screen)")

            try await tmux.type(Self.press(65, x: 10, y: target, term: term))
            let wheeled = try await tmux.waitForScreen { Self.selectedKey($0).map { $0 != key } ?? false }
            let below = try #require(Self.selectedKey(wheeled.screen))
            #expect(Self.lines(wheeled.screen)[target + 3].contains(below.prefix(8)), "the wheel moved three rows down:\n\(wheeled.screen)")

            let top = Self.lines(wheeled.screen)[0]
            let tabX = try #require(top.range(of: "3 ").map { top.distance(from: top.startIndex, to: $0.lowerBound) })
            try await tmux.type(Self.click(x: tabX, y: 0, term: term))
            #expect(try await tmux.waitForScreen(containing: "Synvo keys (").ok, "a click on tab 3 shows the keys")

            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
            #expect(try await tmux.tmux.display("#{mouse_standard_flag}") == "0", "mouse reports are off again after quit")
            #expect(tmux.sttyBefore != nil && tmux.sttyBefore == tmux.sttyAfter, "terminal modes restored")
        }
    }

    @Test func noMouseLeavesTheMouseToTheTerminal() async throws {
        try await TUIEndToEndTests.withTUI(["--no-mouse"], term: "xterm-256color") { _, tmux in
            let first = try await tmux.waitForScreen { $0.contains("Synchronizers (40)") && Self.selectedKey($0) != nil }
            #expect(first.ok, "fleet shown:\n\(first.screen)")
            // No mouse mode asked for: a click stays the terminal's (its text selection), so
            // the program sees nothing and the selection cannot move.
            #expect(try await tmux.tmux.display("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag}") == "0000")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
        }
    }

    /// `[ui] mouse = false` in config.toml does what `--no-mouse` does.
    @Test func aConfigWithMouseOffLeavesTheMouseToTheTerminal() async throws {
        let config = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: config.path("synq"), withIntermediateDirectories: true)
        try "[ui]\nmouse = false\n".write(toFile: config.path("synq/config.toml"), atomically: true, encoding: .utf8)
        try await TUIEndToEndTests.withTUI(term: "xterm-256color", extraEnvironment: ["XDG_CONFIG_HOME": config.url.path]) { _, tmux in
            let first = try await tmux.waitForScreen { $0.contains("Synchronizers (40)") && Self.selectedKey($0) != nil }
            #expect(first.ok, "fleet shown:\n\(first.screen)")
            #expect(try await tmux.tmux.display("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag}") == "0000")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
        }
    }
}
