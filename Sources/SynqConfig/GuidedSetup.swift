import Foundation
import SynqAPI
import SynqText
import SynqTerminal

/// The guided enterprise setup (`synchronize api`, done properly): masked prompts on the
/// terminal for the Enterprise key, an optional name, the wallet (asked until valid) and a
/// dashboard password (asked twice), then the next action. The synchronizer is created only
/// after every answer is in, so quitting half-way leaves nothing behind in the account.
public struct GuidedSetup: Sendable {
    public var terminal: Terminal
    public var locations: ConfigLocations
    public var host: HostInfo
    public var docker: DockerRunner
    /// A key already configured (flags, environment or profile): Enter at the first prompt uses it.
    public var knownKey: Secret?
    public var makeClient: @Sendable (Secret) throws -> any EnterpriseAPI
    public var say: @Sendable (String) -> Void

    public init(terminal: Terminal, locations: ConfigLocations, host: HostInfo, docker: DockerRunner, knownKey: Secret?,
                makeClient: @escaping @Sendable (Secret) throws -> any EnterpriseAPI, say: @escaping @Sendable (String) -> Void) {
        self.terminal = terminal
        self.locations = locations
        self.host = host
        self.docker = docker
        self.knownKey = knownKey
        self.makeClient = makeClient
        self.say = say
    }

    /// The next action as the prompt offers it.
    public enum Choice: String, Sendable, Equatable {
        case start, service, web, quit

        init?(answer: String) {
            switch answer.lowercased() {
            case "s", "start": self = .start
            case "r", "service": self = .service
            case "w", "web": self = .web
            case "q", "quit": self = .quit
            default: return nil
            }
        }

        var action: SynchronizerAction {
            switch self {
            case .start: .start
            case .service: .service
            case .web: .web
            case .quit: .none
            }
        }
    }

    public func run() async throws -> SynchronizerConfig {
        terminal.write("Enterprise API Setup\nProvision a synq key for this host via the Enterprise API.\n\n")
        let key = try askKey()
        let api = try makeClient(key)
        // Reading the preferences checks the key now, before more questions, and offers the
        // account's wallet as the default answer.
        let preferences = try await api.preferences()
        let existing = try? SynchronizerConfigFile(locations: locations).read()
        // A folder synq cannot write is reported before any question, not after the last.
        try Provisioner.checkDestinations(for: .none, locations: locations)

        let name = try askName()
        let wallet = try askWallet(default: defaultWallet(preferences))
        let password = try askPassword()
        let choice = try askChoice()

        // Every file this run will write is checked before the synchronizer is created.
        try Provisioner.checkDestinations(for: choice.action, locations: locations)
        if let id = existing?.synchronizerId {
            say("Note: config.json recorded synchronizer \(Sanitizer.clean(id)); it stays in your account and this host switches to the new one.")
        }
        say("Creating synchronizer \"\(Sanitizer.clean(name))\" via the Enterprise API…")
        let answer = try await api.createSynchronizer(name: name).synchronizer
        let synchronizer: VerifiedSynchronizer
        do {
            synchronizer = try VerifiedSynchronizer(answer)
        } catch {
            throw ProvisionError.unsafeAnswer(error, requestedName: name, created: [])
        }
        say("Synchronizer created successfully!")
        say("  ID:       \(synchronizer.id)")
        say("  Name:     \(Sanitizer.clean(synchronizer.name))")
        say("  Synq Key: \(Secret(synchronizer.key).masked)")

        let config = SynchronizerConfig(
            userName: synchronizer.name, key: synchronizer.key, wallet: wallet,
            secret: SynchronizerConfig.randomSecret(), hostname: host.hostname,
            dashboardPassword: password?.reveal(), synchronizerId: synchronizer.id
        )
        try Provisioner.writeConfig(config, locations: locations, created: [CreatedSynchronizer(id: synchronizer.id, name: synchronizer.name)])
        say("Configuration written: \(locations.synchronizerConfigFile) (mode 0600, synq key stored)")
        say("Wallet: \(WalletAddress.short(wallet))" + (password == nil ? "" : "; dashboard password protection enabled"))
        say("Enterprise API setup complete!")
        if choice == .quit {
            say("Nothing started. Later: `synq provision --action start` or `--action service` reuses this synchronizer.")
        } else {
            try await ActionRunner(locations: locations, host: host, docker: docker, dryRun: false, say: say).perform(choice.action, config: config)
        }
        return config
    }

    private func askKey() throws(PromptError) -> Secret {
        let hint = knownKey == nil ? "" : " (Enter keeps the configured key)"
        while true {
            let key = try terminal.readMasked(prompt: "? Enterprise API Key\(hint): ")
            if !key.isEmpty { return Secret(key.reveal().trimmingCharacters(in: .whitespaces)) }
            if let knownKey { return knownKey }
            terminal.write("  The Enterprise API key is required (Ctrl-C to stop).\n")
        }
    }

    private func askName() throws(PromptError) -> String {
        while true {
            let answer = try terminal.readLine(prompt: "? Synchronizer name (optional, Enter for \(host.derivedSynchronizerName)): ")
            if answer.isEmpty { return host.derivedSynchronizerName }
            if Provisioner.isValidName(answer) { return answer }
            terminal.write("  Use 1 to 64 characters.\n")
        }
    }

    private func defaultWallet(_ response: PreferencesResponse) -> String? {
        [response.preferences.walletAddress, response.owner?.walletAddress].compactMap { $0 }.first(where: WalletAddress.isValid)
    }

    private func askWallet(default suggestion: String?) throws(PromptError) -> String {
        let hint = suggestion.map { " [\(WalletAddress.short($0)), Enter to accept]" } ?? ""
        while true {
            let answer = try terminal.readLine(prompt: "? Wallet address\(hint): ")
            if answer.isEmpty, let suggestion { return suggestion }
            if WalletAddress.isValid(answer) { return answer }
            terminal.write("  Not a wallet address: expected 0x followed by 40 hex digits.\n")
        }
    }

    private func askPassword() throws(PromptError) -> Secret? {
        while true {
            let first = try terminal.readMasked(prompt: "? Dashboard password (Enter for none): ")
            if first.isEmpty { return nil }
            let second = try terminal.readMasked(prompt: "? Repeat the dashboard password: ")
            if first == second { return first }
            terminal.write("  The passwords do not match; try again.\n")
        }
    }

    private func askChoice() throws(PromptError) -> Choice {
        while true {
            let answer = try terminal.readLine(prompt: "? What would you like to do next? [S]tart, Se[R]vice, [W]eb, [Q]uit: ")
            if let choice = Choice(answer: answer) { return choice }
            terminal.write("  Answer S, R, W or Q.\n")
        }
    }
}
