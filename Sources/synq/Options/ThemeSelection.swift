import ArgumentParser
import Foundation
import SynqAPI
import SynqConfig
import SynqTUI
import SynqText

/// The TUI's colours, resolved like every other setting: `--theme`, then `SYNQ_THEME`, then
/// the profile's and then the top-level `theme` of config.toml (`ThemeChoice`), loaded with
/// `ThemeLoader` (where `NO_COLOR` forces monochrome). A bad name, theme file or config file
/// is one line on standard error naming where the name came from, and exit 64.
struct ThemeSelection {
    var chosen: Theme
    var monochrome: Theme

    static func load(flag: String?, profile: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ThemeSelection {
        let loader = ThemeLoader(environment: environment)
        let choice: ThemeChoice
        do {
            choice = try ThemeChoice.resolve(flag: flag, profile: profile, environment: environment,
                                             store: CredentialStore(locations: ConfigLocations(environment: environment)))
        } catch {
            StandardError.line("synq: " + Sanitizer.clean(error.description))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        do {
            return ThemeSelection(chosen: try loader.load(choice.name), monochrome: try loader.builtIn("monochrome"))
        } catch {
            StandardError.line("synq: " + Sanitizer.clean("\(choice.source): \(error.description)"))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
