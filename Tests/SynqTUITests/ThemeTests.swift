import Foundation
import Testing
@testable import SynqTUI

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    @Test(arguments: BuiltinThemes.names)
    func builtInThemesMatchFiles(name: String) throws {
        let file = try String(contentsOf: Self.themesDirectory.appendingPathComponent(name + ".toml"), encoding: .utf8)
        let embedded = try #require(BuiltinThemes.source(named: name))
        #expect(embedded == file.trimmingCharacters(in: .newlines), "run python3 themes/embed.py after editing themes/\(name).toml")
    }

    @Test(arguments: BuiltinThemes.names)
    func builtInThemesParseAndCoverEveryRole(name: String) throws {
        let theme = try ThemeLoader(environment: [:]).builtIn(name)
        #expect(theme.name == name)
        for role in StyleRole.allCases { #expect(theme.styles[role] != nil, "\(name) sets \(role.rawValue)") }
    }

    @Test func monochromeHasNoColours() throws {
        let theme = try ThemeLoader(environment: [:]).builtIn("monochrome")
        for style in theme.styles.values {
            #expect(style.foreground == .default && style.background == .default)
        }
        #expect(theme.style(.selection).attributes.contains(.reverse))
    }

    @Test func parsesColoursAndAttributes() throws {
        let theme = try ThemeParser.parse("""
            [styles]
            base = { fg = "bright-white", bg = "#102030" }
            header = { fg = 214, attrs = ["bold", "UNDERLINE"] }
            """, name: "t", source: "t.toml")
        #expect(theme.style(.base) == Style(foreground: .indexed(15), background: .rgb(0x10, 0x20, 0x30)))
        #expect(theme.style(.header).attributes == [.bold, .underline])
        #expect(theme.style(.selection) == theme.style(.base), "roles left out take base")
    }

    @Test(arguments: [
        ("[styles]\nbase = { fg = \"chartreuse\" }", "\"chartreuse\" is not a colour"),
        ("[styles]\nbase = { fg = 300 }", "is not a colour"),
        ("[styles]\nbase = { attrs = [\"blink\"] }", "\"blink\" is not an attribute"),
        ("[styles]\nheadr = { fg = \"red\" }", "unknown style role \"headr\""),
        ("[styles]\nbase = { colour = \"red\" }", "unknown key \"colour\""),
        ("[style]\nbase = { fg = \"red\" }", "unknown key \"style\""),
        ("name = \"x\"", "no [styles] table"),
        ("[styles]\nbase = \"red\"", "must be a table"),
        ("[styles\nbase = 1", "bad.toml:1:"),
    ])
    func badThemeGivesOneClearLine(text: String, expected: String) {
        #expect {
            try ThemeParser.parse(text, name: "bad", source: "bad.toml")
        } throws: { error in
            let message = String(describing: error)
            return message.contains(expected) && message.contains("bad.toml") && !message.contains("\n")
        }
    }

    @Test func userThemeDirectoryWinsAndNoColorWinsOverAll() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("synq-theme-\(UUID().uuidString)")
        let folder = home.appendingPathComponent("synq/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "[styles]\nbase = { fg = \"red\" }\n".write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(environment: ["XDG_CONFIG_HOME": home.path])
        #expect(try loader.load("mine").style(.base).foreground == .indexed(1))
        #expect(try loader.load(nil).name == "default")
        #expect(try ThemeLoader(environment: ["XDG_CONFIG_HOME": home.path, "NO_COLOR": "1"]).load("mine").name == "monochrome")
        #expect(try ThemeLoader(environment: ["NO_COLOR": ""]).load("light").name == "light", "an empty NO_COLOR does not count")
        #expect(throws: ThemeError.self) { try loader.load("nope") }
        #expect(throws: ThemeError.invalidName("no good!")) { try loader.load("no good!") }
    }

    @Test func coloursReduceToTheNearestTheTerminalHas() {
        #expect(ThemeColor.indexed(2).reduced(to: 8) == 2)
        #expect(ThemeColor.indexed(10).reduced(to: 8) == 2, "bright green becomes green")
        #expect(ThemeColor.indexed(236).reduced(to: 8) == 0, "dark grey becomes black")
        #expect(ThemeColor.rgb(255, 0, 0).reduced(to: 8) == 1)
        #expect(ThemeColor.rgb(255, 135, 0).reduced(to: 256) == 208)
        #expect(ThemeColor.indexed(214).reduced(to: 8) == 3, "orange becomes yellow")
        #expect(ThemeColor.default.reduced(to: 256) == nil)
        #expect(ThemeColor.indexed(200).reduced(to: 256) == 200)
    }
}
