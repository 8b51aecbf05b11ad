import ArgumentParser
import Foundation

/// The `synq` root command: the TUI on a terminal, headless subcommands for scripts.
@main
struct Synq: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synq",
        abstract: "Manage Multisynq synchronizers and Synvo API keys from a terminal.",
        discussion: """
        Settings come from flags, then the environment (ENTERPRISE_API_KEY, ENTERPRISE_API_URL, \
        SYNVO_API_KEY, SYNVO_BASE_URL), then the config file. Secrets are never taken as plain \
        command-line values: use the environment, a file (--enterprise-key-file, --synvo-key-file; \
        "-" reads standard input) or a masked prompt.

        Exit codes: 0 ok, 64 usage or configuration, 65 unreadable server response, \
        69 server error, 74 network, 75 rate limited, 77 unauthorized, 79 forbidden or not found.
        """,
        version: SynqVersion.current,
        subcommands: [
            SynchronizersCommand.self,
            PreferencesCommand.self,
            KeysCommand.self,
            SetupCommand.self, ProvisionCommand.self, ConfigCommand.self, LoginCommand.self,
            SandboxCommand.self,
            EventsCommand.self, WatchCommand.self,
            TUICommand.self, DemoCommand.self, ThemeCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Core dumps are off before anything else runs: no secret has been read yet. One malloc
    /// heap for all threads, before a second thread allocates (`MallocArenas`), except in the
    /// sandbox: a server's threads allocate at once, and under `Benchmarks/sandbox-load.sh`
    /// one heap cost it a fifth of its requests. A mistyped command name is caught before
    /// ArgumentParser would start the TUI with it.
    static func main() async {
        CoreDumps.disable()
        let arguments = Array(Swift.CommandLine.arguments.dropFirst())
        if arguments.first != SandboxCommand.configuration.commandName { MallocArenas.useOne() }
        if let message = UnknownCommand.message(for: arguments) {
            StandardError.line(message)
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        await main(nil)
    }
}
