import Foundation
import SynqConfig
import SynqFiles
import SynqTestSupport
import Testing

/// `synq tui` chooses and loads its theme before it checks for a terminal, so a detached
/// run (no terminal) shows which theme errors reach the user, and from where.
@Suite("Theme from config.toml, through the synq binary")
struct ThemeConfigCLITests {
    static let notATerminal = "not a terminal"

    func run(_ home: ScratchHome, _ arguments: [String] = ["tui"], _ extra: [String: String] = [:]) async throws -> ChildProcess.Outcome {
        var environment = home.environment
        environment["PATH"] = "/usr/bin:/bin"
        environment["LANG"] = "C.UTF-8"
        environment.merge(extra) { _, new in new }
        return try await Detached.run(arguments, environment: environment)
    }

    @Test("a bad top-level or profile theme is exit 64 with one line naming the file; --theme, SYNQ_THEME and NO_COLOR win")
    func badThemeInConfig() async throws {
        let home = try ScratchHome(config: "theme = \"nope\"\n[profiles.work]\ntheme = \"bad name\"\n")
        let file = home.locations.profilesFile

        let top = try await run(home)
        #expect(top.status == 64)
        #expect(top.stderr == "synq: \(file) theme: no theme named \"nope\" (built in: default, light, high-contrast, monochrome; also looked in \(home.xdg)/synq/themes)\n")

        let profile = try await run(home, ["tui", "--profile", "work"])
        #expect(profile.status == 64)
        #expect(profile.stderr.hasPrefix("synq: \(file) [profiles.work] theme: theme name \"bad name\""))
        #expect(profile.stderr.filter { $0 == "\n" }.count == 1, "one line")

        let flag = try await run(home, ["tui", "--theme", "nope2"])
        #expect(flag.status == 64)
        #expect(flag.stderr.hasPrefix("synq: --theme: no theme named \"nope2\""))

        for (arguments, extra) in [(["tui", "--theme", "light"], [:]), (["tui"], ["SYNQ_THEME": "light"]), (["tui"], ["NO_COLOR": "1"])] {
            let fine = try await run(home, arguments, extra)
            #expect(fine.status == 64)
            #expect(fine.stderr.contains(Self.notATerminal), "\(arguments) \(extra): the theme is fine, so only the terminal is missing: \(fine.stderr)")
        }
    }

    @Test("a good theme from the profile passes; synq demo reads the config file too")
    func goodThemeInConfig() async throws {
        let home = try ScratchHome(config: "active = \"work\"\ntheme = \"nope\"\n[profiles.work]\ntheme = \"light\"\n")
        let tui = try await run(home)
        #expect(tui.status == 64)
        #expect(tui.stderr.contains(Self.notATerminal), "the profile's theme wins over the broken top-level one: \(tui.stderr)")

        let demo = try await run(home, ["demo"], ["SYNQ_PROFILE": "other"])
        #expect(demo.status == 64)
        #expect(demo.stderr.hasPrefix("synq: \(home.locations.profilesFile) theme: no theme named \"nope\""), "\(demo.stderr)")
    }
}
