import ArgumentParser
import Foundation
import SynqTUI
import SynqText

/// `synq theme check`: for people writing their own themes.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with colour themes.",
        subcommands: [ThemeCheckCommand.self]
    )
}

struct ThemeCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report each role's contrast (WCAG) at 256, 16 and 8 colours and the worst one.",
        discussion: """
        Colours are those a terminal would show (xterm's default palette), after the theme's \
        [styles-16] / [styles-8] entries and the contrast-keeping reduction. Text roles need \
        4.5:1 (7:1 with contrast = "AAA"), borders 3:1. Exit status 0 when every role passes, \
        1 when one is below, 64 when the theme cannot be loaded.
        """
    )

    @Argument(help: "A theme name (built-in or in ~/.config/synq/themes) or a .toml file.")
    var theme: String

    @Option(help: "Check one depth only: 256, 16 or 8.")
    var colors: Int?

    func run() throws {
        var depths = ColorDepth.allCases
        if let colors {
            guard let depth = ColorDepth(rawValue: colors) else {
                StandardError.line("synq: --colors must be 256, 16 or 8")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            depths = [depth]
        }
        // NO_COLOR chooses monochrome for the screen; here the theme asked for is the one checked.
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        let loaded: Theme
        do {
            loaded = try ThemeLoader(environment: environment).load(theme)
        } catch {
            StandardError.line("synq: " + Sanitizer.clean(error.description))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let report = ThemeContrastReport(theme: loaded, depths: depths)
        // The name comes from the file: cleaned line by line before it reaches the terminal.
        print(report.text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.clean(String($0)) }.joined(separator: "\n"))
        if !report.passes { throw ExitCode(1) }
    }
}
