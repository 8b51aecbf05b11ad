import ArgumentParser
import Foundation
import SynqAPI
import SynqConfig
import SynqTerminal

extension Service: ExpressibleByArgument {}

/// `synq login`: stores an API key in a profile, read from a masked prompt, a file or stdin.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Store an Enterprise or Synvo API key in a profile (masked prompt, --from-file or --stdin).",
        discussion: """
        The key is never taken from the command line. It is kept in credentials.json in the \
        config folder ($XDG_CONFIG_HOME/synq, else ~/.config/synq), mode 0600, encrypted when a \
        passphrase is set (`synq config encrypt`).
        """
    )

    @Argument(help: "Which key: enterprise or synvo.")
    var service: Service = .enterprise

    @Option(help: ArgumentHelp("Profile to store the key in (default: the active profile).", valueName: "NAME"))
    var profile: String?

    @Option(name: .customLong("from-file"), help: ArgumentHelp("Read the key from PATH (must not be readable by others).", valueName: "PATH"))
    var fromFile: String?

    @Flag(help: "Read the key from standard input.")
    var stdin = false

    @Option(name: .customLong("url"), help: ArgumentHelp("Also set this service's base URL in the profile.", valueName: "URL"))
    var url: String?

    mutating func validate() throws {
        if fromFile != nil && stdin { throw ValidationError("use either --from-file or --stdin, not both") }
        if let profile, !Profile.isValidName(profile) { throw ValidationError("invalid profile name: use letters, digits, '-', '_' or '.'") }
    }

    func run() async throws {
        try await runSetupReportingErrors {
            if let url { _ = try ServiceEndpoint(service, url: url, allowInsecure: true) }
            let key = try readKey()
            let environment = ProcessInfo.processInfo.environment
            let store = CredentialStore(locations: ConfigLocations(environment: environment))
            var set = try store.load(passphrase: LivePassphraseSource(environment: environment))
            let name = profile ?? set.activeName
            var entry = set.profiles[name] ?? Profile(name: name)
            entry.setKey(key, for: service)
            if let url {
                if service == .enterprise { entry.enterpriseURL = url } else { entry.synvoURL = url }
            }
            try set.put(entry)
            if set.profiles.count == 1 { set.activeName = name }
            try store.save(set)
            sayLine("Stored the \(service.displayName) key \(key.masked) in profile \"\(name)\" (\(store.locations.credentialsFile)).")
            sayLine("Credentials are \(set.protection.summary).")
        }
    }

    private func readKey() throws -> Secret {
        if let fromFile { return try SecretFile.read(fromFile) }
        if stdin { return try SecretFile.read("-") }
        let terminal: Terminal
        do {
            terminal = try Terminal.open()
        } catch {
            throw ValidationError("no terminal to ask on; pass the key with --stdin or --from-file PATH")
        }
        defer { terminal.close() }
        let key = try terminal.readMasked(prompt: "\(service.displayName) key: ")
        let trimmed = key.reveal().trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw PromptError.empty("key") }
        return Secret(trimmed)
    }
}
