import ArgumentParser
import Foundation
import SynqAPI
import SynqConfig
import SynqTerminal

/// `synq setup`: the guided enterprise setup on a terminal.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Guided setup: masked prompts for the Enterprise key, name, wallet and dashboard password.",
        discussion: """
        Asks on the terminal (even when stdin is redirected) and creates the synchronizer only \
        after every answer is in. Writes ~/.synchronizer-cli/config.json (mode 0600), compatible \
        with synchronizer-cli, then starts, installs as a service, or quits. Without a terminal \
        it refuses: use `synq provision` in scripts.
        """
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await runSetupReportingErrors {
            let terminal: Terminal
            do {
                terminal = try Terminal.open()
            } catch {
                StandardError.line("synq: setup asks questions and needs a terminal; in scripts and cloud-init use `synq provision` (zero prompts)")
                throw ExitCode(64)
            }
            defer { terminal.close() }
            // A configured key (flags, environment, profile) becomes the default answer, but a
            // missing one is not an error here: the first prompt asks for it.
            let settings = try SettingsResolver().resolve(connection)
            let environment = ProcessInfo.processInfo.environment
            let endpoint = try settings.enterpriseEndpoint()
            let timeout = settings.timeout
            let setup = GuidedSetup(
                terminal: terminal, locations: ConfigLocations(environment: environment), host: .current(environment: environment),
                docker: DockerRunner(environment: environment), knownKey: settings.enterpriseKey,
                makeClient: { key in EnterpriseClient(endpoint: endpoint, apiKey: key, transport: AsyncHTTPClientTransport(timeout: timeout)) },
                say: sayLine
            )
            _ = try await setup.run()
        }
    }
}
