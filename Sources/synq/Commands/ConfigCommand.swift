import ArgumentParser
import Foundation
import SynqAPI
import SynqConfig
import SynqText

/// `synq config …`: profiles, base URLs and how the stored keys are protected.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show and change profiles; encrypt the stored keys with a passphrase.",
        subcommands: [ShowConfig.self, ListProfiles.self, UseProfile.self, SetURL.self, EncryptConfig.self, DecryptConfig.self],
        defaultSubcommand: ShowConfig.self
    )
}

/// Shared by the config subcommands.
private enum ConfigContext {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var store: CredentialStore { CredentialStore(locations: ConfigLocations(environment: environment)) }
}

struct ShowConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the active profile, every secret masked.")

    @Option(help: ArgumentHelp("Profile to show (default: SYNQ_PROFILE, else the active one).", valueName: "NAME"))
    var profile: String?

    func run() async throws {
        try await runSetupReportingErrors {
            let environment = ConfigContext.environment
            let store = ConfigContext.store
            var set: ProfileSet
            do {
                set = try store.load(passphrase: LivePassphraseSource(environment: environment))
            } catch CredentialStoreError.passphraseRequired {
                set = try store.load(passphrase: nil)
            }
            let name = profile ?? environment["SYNQ_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? set.activeName
            let shown = try set.profile(named: name)
            func keyLine(_ key: Secret?, variable: String) -> String {
                let stored = key.map { "\($0.masked) (stored)" } ?? (set.keysLoaded ? "(not set)" : "(encrypted; set SYNQ_PASSPHRASE to check)")
                let override = (environment[variable]?.isEmpty == false) ? "  — \(variable) is set and takes precedence" : ""
                return stored + override
            }
            func urlLine(_ url: String?, fallback: String, variable: String) -> String {
                let value = url ?? "\(fallback) (default)"
                let override = (environment[variable]?.isEmpty == false) ? "  — \(variable) is set and takes precedence" : ""
                return value + override
            }
            var lines = [
                "Profile: \(name)\(name == set.activeName ? " (active)" : "")",
                "Config folder: \(store.locations.configDirectory)",
            ]
            var table = TextTable([.init(title: "SETTING"), .init(title: "VALUE")])
            table.append(["Enterprise API URL", urlLine(shown.enterpriseURL, fallback: ServiceEndpoint.defaultEnterpriseURL, variable: "ENTERPRISE_API_URL")])
            table.append(["Enterprise API key", keyLine(shown.enterpriseKey, variable: "ENTERPRISE_API_KEY")])
            table.append(["Synvo API URL", urlLine(shown.synvoURL, fallback: ServiceEndpoint.defaultSynvoURL, variable: "SYNVO_BASE_URL")])
            table.append(["Synvo API key", keyLine(shown.synvoKey, variable: "SYNVO_API_KEY")])
            let theme = shown.theme.map { "\($0) (this profile)" } ?? set.theme.map { "\($0) (top level)" } ?? "default"
            table.append(["TUI theme", Sanitizer.clean(theme) + ((environment["SYNQ_THEME"]?.isEmpty == false) ? "  — SYNQ_THEME is set and takes precedence" : "")])
            lines.append(table.render().trimmingCharacters(in: .newlines))
            let hasCredentials = FileManager.default.fileExists(atPath: store.locations.credentialsFile)
            lines.append("Credentials: \(store.locations.credentialsFile)")
            lines.append(hasCredentials ? "  \(set.protection.summary)" : "  none stored yet; `synq login` stores a key")
            try StandardOutput.write(lines.joined(separator: "\n") + "\n")
        }
    }
}

struct ListProfiles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List profiles (no secrets are read).")

    func run() async throws {
        try await runSetupReportingErrors {
            let set = try ConfigContext.store.load(passphrase: nil)
            var table = TextTable([.init(title: "PROFILE"), .init(title: "ENTERPRISE URL"), .init(title: "SYNVO URL")])
            var names = set.sortedNames
            if !names.contains(set.activeName) { names.insert(set.activeName, at: 0) }
            for name in names {
                let profile = set.profiles[name] ?? Profile(name: name)
                table.append([(name == set.activeName ? "* " : "  ") + name, profile.enterpriseURL ?? "(default)", profile.synvoURL ?? "(default)"])
            }
            try StandardOutput.write(table.render())
        }
    }
}

struct UseProfile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "use", abstract: "Make a profile the active one (created empty if new).")

    @Argument(help: "Profile name.")
    var name: String

    func run() async throws {
        try await runSetupReportingErrors {
            let store = ConfigContext.store
            var set = try store.load(passphrase: nil)
            if set.profiles[name] == nil { try set.put(Profile(name: name)) }
            set.activeName = name
            try store.save(set)
            sayLine("Active profile: \(name)")
        }
    }
}

struct SetURL: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-url", abstract: "Set a service's base URL in a profile.")

    @Argument(help: "enterprise or synvo.")
    var service: Service

    @Argument(help: "Base URL, e.g. https://startsynqing.com/api or http://127.0.0.1:3000/api.")
    var url: String

    @Option(help: ArgumentHelp("Profile to change (default: the active one).", valueName: "NAME"))
    var profile: String?

    func run() async throws {
        try await runSetupReportingErrors {
            _ = try ServiceEndpoint(service, url: url, allowInsecure: true)
            let store = ConfigContext.store
            var set = try store.load(passphrase: nil)
            let name = profile ?? set.activeName
            var entry = set.profiles[name] ?? Profile(name: name)
            if service == .enterprise { entry.enterpriseURL = url } else { entry.synvoURL = url }
            try set.put(entry)
            try store.save(set)
            sayLine("\(service.displayName) URL of profile \"\(name)\": \(url)")
        }
    }
}

struct EncryptConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt",
        abstract: "Encrypt the stored keys with a passphrase (SYNQ_PASSPHRASE, else asked twice)."
    )

    func run() async throws {
        try await runSetupReportingErrors {
            let environment = ConfigContext.environment
            let store = ConfigContext.store
            if try store.protection() == .passphrase {
                throw ValidationError("the keys are already encrypted; to change the passphrase run `synq config decrypt`, then `synq config encrypt`")
            }
            var set = try store.load(passphrase: nil)
            set.encrypt(with: try LivePassphraseSource(environment: environment).passphrase(confirm: true))
            try store.save(set)
            sayLine("Keys encrypted (scrypt + ChaCha20-Poly1305). Every command that needs them now asks for the passphrase or reads SYNQ_PASSPHRASE.")
        }
    }
}

struct DecryptConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt",
        abstract: "Remove the passphrase: the keys are then protected by file permissions only."
    )

    func run() async throws {
        try await runSetupReportingErrors {
            let environment = ConfigContext.environment
            let store = ConfigContext.store
            var set = try store.load(passphrase: LivePassphraseSource(environment: environment))
            set.decrypt()
            try store.save(set)
            sayLine("Keys decrypted: credentials.json is now \(set.protection.summary).")
        }
    }
}
