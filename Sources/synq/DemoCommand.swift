import ArgumentParser
import Foundation
import SynqAPI
import SynqViewModel
import SynqSandbox
import SynqTUI

/// `synq demo`: a local sandbox with a realistic fleet, and the TUI pointed at it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a local sandbox with a demo fleet and open the TUI on it; no keys needed."
    )

    @OptionGroup var display: TUIOptions

    @Option(name: .customLong("fleet-size"), help: ArgumentHelp("Synchronizers in the demo fleet.", valueName: "N"))
    var fleetSize: Int = SandboxConfiguration.defaultFleetSize

    func run() async throws {
        let themes = try ThemeSelection.load(flag: display.theme, profile: nil)
        // The terminal before the sandbox: nothing to start (or stop) if the UI cannot run.
        do {
            try TerminalSession.checkTerminal()
        } catch {
            StandardError.line("synq: " + error.description)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let sandbox: RunningSandbox
        do {
            sandbox = try await RunningSandbox.start(SandboxConfiguration(port: 0, fleetSize: fleetSize, logLevel: .critical))
        } catch {
            StandardError.line("synq: cannot start the demo sandbox: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        do {
            let enterprise = EnterpriseClient(
                endpoint: try ServiceEndpoint(.enterprise, url: sandbox.enterpriseURL.absoluteString),
                apiKey: Secret(SandboxCredentials.demoEnterpriseKey))
            let synvo = SynvoClient(
                endpoint: try ServiceEndpoint(.synvo, url: sandbox.synvoURL.absoluteString),
                apiKey: Secret(SandboxCredentials.demoSynvoKey))
            let fleet = FleetIdentity(profile: nil, enterpriseURL: sandbox.enterpriseURL.absoluteString,
                                      synvoURL: sandbox.synvoURL.absoluteString, isDemo: true)
            // The demo fleet is new each time: its changes are shown, not kept.
            try await display.launch(themes: themes, enterprise: enterprise, synvo: synvo, credentials: nil, fleet: fleet,
                                     profile: "demo", keepHistory: false)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }
}
