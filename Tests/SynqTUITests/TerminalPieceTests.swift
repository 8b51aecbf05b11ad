import Foundation
import SynqAPI
import SynqViewModel
import Testing
@testable import SynqTUI

@Suite struct TerminalPieceTests {
    @Test func osc52CarriesBase64() {
        #expect(OSC52.sequence(for: Secret("hi")) == "\u{1b}]52;c;aGk=\u{07}")
        #expect(OSC52.sequence(for: Secret("hi"), insideTmux: true) == "\u{1b}]52;c;aGk=\u{07}\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aGk=\u{07}\u{1b}\\")
    }

    @Test(arguments: [
        (UInt32(0x0D), KeyPress.enter), (0x0A, .enter), (0x09, .tab), (0x7F, .backspace), (0x08, .backspace),
        (0x1B, .escape), (0x03, .ctrl("c")), (0x15, .ctrl("u")), (0x20, .space), (0x71, .character("q")), (0x6771, .character("東")),
    ])
    func charactersBecomeKeyPresses(value: UInt32, expected: KeyPress) {
        #expect(NcursesKeys.character(value) == expected)
    }

    @Test func c1ControlsAreDropped() {
        #expect(NcursesKeys.character(0x9B) == nil)
        #expect(NcursesKeys.character(0x00) == nil)
    }

    @Test func glyphSetFollowsTheLocale() {
        #expect(Glyphs.forCodeset("UTF-8") == .unicode)
        #expect(Glyphs.forCodeset("utf8") == .unicode)
        #expect(Glyphs.forCodeset("ANSI_X3.4-1968") == .ascii)
    }
}
