import Foundation
import SynqAPI
import SynqConfig
import SynqFiles
import SynqTestSupport
import Testing

@Suite("Theme from config.toml: parsing, saving, and precedence")
struct ThemeChoiceTests {
    static let sample = """
    active = "work"
    theme = "light"

    [profiles.work]
    theme = "high-contrast"

    [profiles.lab]
    enterprise_url = "http://127.0.0.1:3000/api"
    """

    func resolve(_ home: ScratchHome, flag: String? = nil, profile: String? = nil, _ environment: [String: String] = [:]) throws(CredentialStoreError) -> ThemeChoice {
        try ThemeChoice.resolve(flag: flag, profile: profile, environment: home.environment.merging(environment) { _, new in new },
                                store: CredentialStore(locations: home.locations))
    }

    @Test("the top-level theme and each profile's theme are read, without the keys file")
    func parsing() throws {
        let home = try ScratchHome(config: Self.sample)
        let set = try CredentialStore(locations: home.locations).loadProfiles()
        #expect(set.theme == "light")
        #expect(set.profiles["work"]?.theme == "high-contrast")
        #expect(set.profiles["lab"]?.theme == nil)
        #expect(set.profiles["lab"]?.enterpriseURL == "http://127.0.0.1:3000/api")
        #expect(set.activeName == "work")
        let full = try CredentialStore(locations: home.locations).load(passphrase: nil)
        #expect(full.theme == "light" && full.profiles["work"]?.theme == "high-contrast")
    }

    @Test("saving (as login and set-url do) keeps both themes")
    func savingKeepsThemes() throws {
        let home = try ScratchHome(config: Self.sample)
        let store = CredentialStore(locations: home.locations)
        var set = try store.load(passphrase: nil)
        var lab = try set.profile(named: "lab")
        lab.synvoURL = "http://127.0.0.1:3000"
        try set.put(lab)
        try store.save(set)
        let again = try store.load(passphrase: nil)
        #expect(again.theme == "light")
        #expect(again.profiles["work"]?.theme == "high-contrast")
        #expect(again.profiles["lab"]?.synvoURL == "http://127.0.0.1:3000")
        #expect(ScratchHome.contents(home.locations.profilesFile).contains("high-contrast"))
    }

    @Test("precedence: --theme, then SYNQ_THEME, then the profile's theme, then the top-level theme, then the default")
    func precedence() throws {
        let home = try ScratchHome(config: Self.sample)
        let file = home.locations.profilesFile
        #expect(try resolve(home, flag: "monochrome", ["SYNQ_THEME": "light"]) == ThemeChoice(name: "monochrome", origin: .flag))
        #expect(try resolve(home, ["SYNQ_THEME": "default"]) == ThemeChoice(name: "default", origin: .environment))
        // The active profile ("work") has its own theme.
        #expect(try resolve(home) == ThemeChoice(name: "high-contrast", origin: .profile(name: "work", file: file)))
        // A profile without one falls back to the top level, whether chosen by --profile or SYNQ_PROFILE.
        #expect(try resolve(home, profile: "lab") == ThemeChoice(name: "light", origin: .configFile(file: file)))
        #expect(try resolve(home, ["SYNQ_PROFILE": "lab"]) == ThemeChoice(name: "light", origin: .configFile(file: file)))
        #expect(try resolve(home, profile: "work", ["SYNQ_PROFILE": "lab"]).name == "high-contrast", "--profile beats SYNQ_PROFILE")
        #expect(try resolve(home, profile: "nosuch") == ThemeChoice(name: "light", origin: .configFile(file: file)))
        // An empty SYNQ_THEME is as good as unset.
        #expect(try resolve(home, ["SYNQ_THEME": " "]).name == "high-contrast")
    }

    @Test("no config file, or one without a theme, means the default theme")
    func defaults() throws {
        let empty = try ScratchHome()
        #expect(try resolve(empty) == ThemeChoice(name: nil, origin: .defaultTheme))
        let plain = try ScratchHome(config: "active = \"lab\"\n[profiles.lab]\nsynvo_url = \"http://127.0.0.1:3000\"\n")
        #expect(try resolve(plain) == ThemeChoice(name: nil, origin: .defaultTheme))
    }

    @Test("the source names the flag, the variable, or the file and key")
    func sources() {
        #expect(ThemeChoice(name: "x", origin: .flag).source == "--theme")
        #expect(ThemeChoice(name: "x", origin: .environment).source == "SYNQ_THEME")
        #expect(ThemeChoice(name: "x", origin: .configFile(file: "/c/config.toml")).source == "/c/config.toml theme")
        #expect(ThemeChoice(name: "x", origin: .profile(name: "work", file: "/c/config.toml")).source == "/c/config.toml [profiles.work] theme")
    }

    @Test("a broken config file is a one-line error naming the file and key; with --theme it is not read at all")
    func brokenConfig() throws {
        let wrongType = try ScratchHome(config: "[profiles.work]\ntheme = 5\n")
        do {
            _ = try resolve(wrongType)
            Issue.record("a number is not a theme name")
        } catch {
            #expect(error.description == "the config file cannot be read: \(wrongType.locations.profilesFile): profiles.work.theme: expected a string")
        }
        let notTOML = try ScratchHome(config: "theme = \n")
        do {
            _ = try resolve(notTOML)
            Issue.record("not TOML")
        } catch {
            #expect(error.description.hasSuffix("config.toml:1: not valid TOML"))
            #expect(!error.description.contains("\n"))
        }
        #expect(try resolve(notTOML, flag: "light").name == "light")
        #expect(try resolve(notTOML, ["SYNQ_THEME": "light"]).name == "light")
    }
}
