import Foundation
import SynqAPI
import SynqText

/// Which TUI theme a run uses, and where that name came from. Precedence: `--theme`, then
/// `SYNQ_THEME`, then the profile's `theme` in config.toml, then the file's top-level `theme`,
/// then the default. The name is only chosen here; loading it (and `NO_COLOR`, which wins
/// over all) is the theme loader's job, and a bad name is reported with `source`.
public struct ThemeChoice: Sendable, Equatable {
    /// The theme name or path; nil means the default theme.
    public var name: String?
    public var origin: Origin

    /// Where a theme name came from.
    public enum Origin: Sendable, Equatable {
        case flag
        case environment
        /// `[profiles.NAME] theme` in the config file at `file`.
        case profile(name: String, file: String)
        /// The top-level `theme` of the config file at `file`.
        case configFile(file: String)
        case defaultTheme
    }

    public init(name: String?, origin: Origin) {
        self.name = name
        self.origin = origin
    }

    /// The origin as error messages name it: "--theme", "SYNQ_THEME",
    /// "/home/me/.config/synq/config.toml [profiles.work] theme".
    public var source: String {
        switch origin {
        case .flag: "--theme"
        case .environment: "SYNQ_THEME"
        case .profile(let name, let file): "\(file) [profiles.\(Sanitizer.clean(name))] theme"
        case .configFile(let file): "\(file) theme"
        case .defaultTheme: "the default theme"
        }
    }

    /// Chooses the theme name. The config file is read (never the keys file, so nothing
    /// asks for a passphrase) only when neither the flag nor `SYNQ_THEME` names a theme.
    /// The profile is `profile`, else `SYNQ_PROFILE`, else the active one; a profile that
    /// does not exist has no theme of its own.
    public static func resolve(flag: String?, profile: String?, environment: [String: String], store: CredentialStore) throws(CredentialStoreError) -> ThemeChoice {
        if let flag { return ThemeChoice(name: flag, origin: .flag) }
        if let variable = nonEmpty(environment["SYNQ_THEME"]) { return ThemeChoice(name: variable, origin: .environment) }
        let file = store.locations.profilesFile
        guard FileManager.default.fileExists(atPath: file) else { return ThemeChoice(name: nil, origin: .defaultTheme) }
        let set = try store.loadProfiles()
        let profileName = profile ?? nonEmpty(environment["SYNQ_PROFILE"]) ?? set.activeName
        if let theme = set.profiles[profileName]?.theme { return ThemeChoice(name: theme, origin: .profile(name: profileName, file: file)) }
        if let theme = set.theme { return ThemeChoice(name: theme, origin: .configFile(file: file)) }
        return ThemeChoice(name: nil, origin: .defaultTheme)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
