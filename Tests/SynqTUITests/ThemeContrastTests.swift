import Testing
@testable import SynqTUI

/// WCAG contrast of every built-in theme, role and colour depth, computed from what the
/// renderer would draw (`Theme.terminalStyle`, xterm's palette): a theme edit that makes a
/// role unreadable on some terminal fails here.
@Suite struct ThemeContrastTests {
    static let colourThemes = BuiltinThemes.names

    @Test("every role of every built-in theme is readable at 256, 16 and 8 colours", arguments: colourThemes)
    func builtInThemesMeetTheirContrast(name: String) throws {
        let theme = try ThemeLoader(environment: [:]).builtIn(name)
        let report = ThemeContrastReport(theme: theme)
        #expect(report.rows.count == StyleRole.allCases.count * ColorDepth.allCases.count)
        for row in report.rows {
            #expect(row.passes, "\(name) \(row.role.rawValue) at \(row.depth): \(ThemeContrastReport.format(row.ratio)):1 < \(row.required)")
        }
    }

    @Test func highContrastIsAAA() throws {
        let theme = try ThemeLoader(environment: [:]).builtIn("high-contrast")
        #expect(theme.minimumContrast == 7)
        for row in ThemeContrastReport(theme: theme).rows where row.role != .border { #expect(row.ratio >= 7, "\(row.role.rawValue) at \(row.depth)") }
    }

    @Test func lightThemeIsForLightBackgrounds() throws {
        #expect(try ThemeLoader(environment: [:]).builtIn("light").background == .light)
        #expect(try ThemeLoader(environment: [:]).builtIn("default").background == .dark)
    }

    @Test("WCAG ratios of known pairs", arguments: [
        ((0, 0, 0), (255, 255, 255), 21.0),
        ((205, 0, 0), (0, 0, 0), 3.60),   // xterm red on black: the 3.60
        ((128, 128, 128), (255, 255, 255), 3.95), // grey 244 on white: the 3.95
        ((77, 77, 77), (77, 77, 77), 1.0),
    ])
    func knownRatios(first: (Int, Int, Int), second: (Int, Int, Int), expected: Double) {
        #expect(abs(Contrast.ratio(first, second) - expected) < 0.01)
    }

    /// A user theme with no 8-colour section: its dark grey on a light background must not
    /// become the light grey or bright yellow plain nearest-colour matching picks.
    @Test func reductionKeepsContrastOnTheThemesBackground() throws {
        let theme = try ThemeParser.parse("""
            background = "light"
            [styles]
            base = { fg = "default", bg = "default" }
            dim = { fg = 244 }
            header = { fg = 130, attrs = ["bold"] }
            """, name: "mine", source: "mine.toml")
        for role in [StyleRole.dim, .header] {
            let style = theme.terminalStyle(role, colors: 8)
            #expect(Contrast.ratio(of: style, on: .light) >= Contrast.textAA, "\(role.rawValue) → \(String(describing: style.foreground))")
        }
        // The same colours on a dark theme are judged against black instead.
        let dark = try ThemeParser.parse("[styles]\ndim = { fg = 238 }", name: "d", source: "d.toml")
        #expect(Contrast.ratio(of: dark.terminalStyle(.dim, colors: 8), on: .dark) >= Contrast.textAA)
    }

    @Test func depthSectionsReplaceRolesMostSpecificFirst() throws {
        let theme = try ThemeParser.parse("""
            contrast = "AAA"
            [styles]
            disabled = { fg = "red" }
            [styles-16]
            disabled = { fg = "bright-red" }
            [styles-8]
            disabled = { fg = "white", attrs = ["underline"] }
            enabled = { fg = "green", attrs = ["bold"] }
            """, name: "t", source: "t.toml")
        #expect(theme.minimumContrast == 7)
        #expect(theme.style(.disabled, depth: .colors256).foreground == .indexed(1))
        #expect(theme.style(.disabled, depth: .colors16).foreground == .indexed(9))
        #expect(theme.style(.disabled, depth: .colors8) == Style(foreground: .indexed(7), attributes: [.underline]))
        #expect(theme.style(.enabled, depth: .colors16) == theme.style(.base, depth: .colors16))
    }

    @Test("bold in one of the first eight colours counts as its bright variant too")
    func boldIsBrightIsConsidered() {
        // Black text on cyan is fine; bold black shows as grey 127 on many terminals: 2.0:1.
        let plain = TerminalStyle(foreground: 0, background: 6, attributes: [])
        let bold = TerminalStyle(foreground: 0, background: 6, attributes: [.bold])
        #expect(Contrast.ratio(of: plain, on: .dark) > 10)
        #expect(Contrast.ratio(of: bold, on: .dark) < 2.5)
    }

    @Test(arguments: [
        ("background = \"grey\"\n[styles]\nbase = {}", "background = \"grey\""),
        ("contrast = \"AAAA\"\n[styles]\nbase = {}", "contrast = \"AAAA\""),
        ("[styles]\nbase = {}\n[styles-8]\nheadr = { fg = \"red\" }", "unknown style role \"headr\""),
    ])
    func badSettingsGiveOneClearLine(text: String, expected: String) {
        #expect {
            try ThemeParser.parse(text, name: "bad", source: "bad.toml")
        } throws: { error in
            let message = String(describing: error)
            return message.contains(expected) && message.contains("bad.toml") && !message.contains("\n")
        }
    }
}
