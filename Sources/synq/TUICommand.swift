import ArgumentParser
import Foundation
import SynqAPI
import SynqJournal
import SynqTUI
import SynqViewModel

/// `synq tui` (the default on a terminal): the live fleet view.
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The live terminal UI: synchronizers, preferences and Synvo keys (the default command).",
        discussion: """
        Keys come from ENTERPRISE_API_KEY / SYNVO_API_KEY or the key-file options; a missing key is \
        asked for with masked entry inside the UI, and either API can be left out. Press ? for keys.
        """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var display: TUIOptions

    func run() async throws {
        // The theme first: it needs no passphrase, and a bad one is reported even when piped.
        let themes = try ThemeSelection.load(flag: display.theme, profile: connection.profile)
        let settings: Settings
        do {
            settings = try SettingsResolver().resolve(connection)
        } catch let error as any CustomStringConvertible & Error {
            StandardError.line("synq: \(error.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        var enterprise: (any EnterpriseAPI)?
        var synvo: (any SynvoAPI)?
        do {
            if settings.enterpriseKey != nil { enterprise = try settings.enterpriseClient() }
            if settings.synvoKey != nil { synvo = try settings.synvoClient() }
        } catch {
            StandardError.line("synq: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        try await display.launch(themes: themes, enterprise: enterprise, synvo: synvo, credentials: TypedCredentialFactory(settings: settings),
                                 fleet: settings.fleet(), profile: settings.profileName, switcher: LiveFleetSwitcher(base: settings))
    }
}

/// Options shared by `synq tui` and `synq demo`.
struct TUIOptions: ParsableArguments {
    @Option(name: .customLong("refresh"), help: ArgumentHelp("Seconds between polls of the visible pane.", valueName: "SECONDS"))
    var refresh: Double = 5

    @Option(name: .customLong("theme"), help: ArgumentHelp("Theme: default, light, high-contrast, monochrome, a name in ~/.config/synq/themes, or a .toml path (env SYNQ_THEME, else `theme` in config.toml).", valueName: "NAME"))
    var theme: String?

    @Flag(name: .customLong("readonly"), help: "Start with every key that changes something unbound.")
    var readOnly = false

    @Flag(name: .customLong("ascii"), help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal: no click to select, no wheel (shift+drag selects text either way).")
    var noMouse = false

    @OptionGroup var journalOptions: JournalOptions

    mutating func validate() throws {
        guard refresh >= 1, refresh <= 3600 else { throw ValidationError("--refresh must be between 1 and 3600 seconds") }
    }

    /// Runs the TUI with the loaded themes until the user quits. Changes are journalled
    /// under `profile` (in memory only unless `keepHistory`).
    func launch(themes: ThemeSelection, enterprise: (any EnterpriseAPI)?, synvo: (any SynvoAPI)?, credentials: (any CredentialClientFactory)?,
                fleet: FleetIdentity, profile: String, keepHistory: Bool = true, switcher: (any FleetSwitcher)? = nil,
                beforeStart: () -> Void = {}) async throws {
        do {
            try TerminalSession.checkTerminal()
        } catch {
            StandardError.line("synq: " + error.description)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let environment = ProcessInfo.processInfo.environment
        let config = TUIConfigLoader.load()
        let mouse = !noMouse && config.mouse
        let terminal = TerminalConfiguration(theme: themes.chosen, monochrome: themes.monochrome, forceASCII: ascii,
                                             insideTmux: environment["TMUX"] != nil, mouse: mouse)
        let settings = ViewModelSettings(refreshInterval: refresh, saveDirectory: FileManager.default.currentDirectoryPath, readOnly: readOnly,
                                         alerts: config.alerts, mouse: mouse)
        let journal = JournalTap(journal: journalOptions.makeJournal(keepHistory: keepHistory), profile: profile)
        beforeStart()
        do {
            try await TUIApp.run(settings: settings, enterprise: enterprise, synvo: synvo, credentials: credentials, fleet: fleet, switcher: switcher,
                                 terminal: terminal, journal: journal, changeCommand: journalOptions.changeCommand(output: nil))
        } catch {
            StandardError.line("synq: \(error.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        // Stopped by a signal (the terminal is already restored): say so the shell's way.
        if let signal = TerminalSession.stopSignal { throw ExitCode(128 + signal) }
    }
}

extension TypedCredentialFactory {
    /// The endpoints this run resolved from flags, environment and config.
    init(settings: Settings) {
        self.init(connection: settings.connection)
    }
}
