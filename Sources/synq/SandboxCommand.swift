import ArgumentParser
import Foundation
import SynqAPI
import SynqSandbox

/// `synq sandbox`: the local development server speaking both APIs on one port, seeded with
/// a demo fleet, with rate limiting and fault injection for tests.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local server that speaks the Enterprise and Synvo APIs, with a demo fleet.",
        discussion: """
        Enterprise API at http://HOST:PORT/api, Synvo API at http://HOST:PORT. The demo keys are \
        public sandbox values and are printed at start. To use keys of your own, put each in a \
        file readable only by you (--enterprise-key-file, --synvo-key-file; "-" reads standard \
        input) or set SANDBOX_ENTERPRISE_KEY / SANDBOX_SYNVO_KEY; keys are never taken as plain \
        command-line values.

        Faults (repeatable --fault) use KIND[:VALUE][@ROUTE][#COUNT] or the JSON the control \
        route takes. KIND is latency (VALUE ms), status (VALUE code), malformed, truncated, drop, \
        hang, large (VALUE bytes), wrongType (VALUE field), body (VALUE the base64 answer, \
        status 200), trickle (VALUE ms between body bytes, default 1000). Examples: --fault 'status:503#2', \
        --fault 'latency:3000@GET /api/synq-keys/enterprise/synchronizers'. At run time: \
        GET/POST/DELETE /__sandbox/faults and POST /__sandbox/reset, from loopback only.
        """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one (printed at start).")
    var port = SandboxConfiguration.defaultPort

    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite file to keep state in across restarts (seeded only when empty); memory if omitted.", valueName: "path"))
    var databasePath: String?

    @Option(help: "Synchronizers to seed for the demo account (up to 1000000).")
    var fleetSize = SandboxConfiguration.defaultFleetSize

    @Option(help: "Seed of the deterministic fleet generator.")
    var seed = SandboxConfiguration.defaultSeed

    @Option(help: "Synvo requests allowed per API key per window.")
    var rateLimit = SandboxConfiguration.defaultRateLimit

    @Option(help: ArgumentHelp("Length of the Synvo rate-limit window.", valueName: "seconds"))
    var rateWindow: Double = 3600

    @Option(help: ArgumentHelp("A fault to inject from the start (repeatable).", valueName: "fault"))
    var fault: [String] = []

    @Option(help: ArgumentHelp("File holding the demo enterprise account's key (\"-\" for standard input).", valueName: "path"))
    var enterpriseKeyFile: String?

    @Option(help: ArgumentHelp("File holding the demo Synvo user's key (\"-\" for standard input).", valueName: "path"))
    var synvoKeyFile: String?

    // The issue names these; a key in argv would show in `ps` and shell history, so they only
    // explain where a key goes instead.
    @Option(help: .hidden) var enterpriseKey: String?
    @Option(help: .hidden) var synvoKey: String?

    @Option(help: ArgumentHelp("Close a connection that has sent no whole request head this long after it opened or after its last answer.", valueName: "seconds"))
    var idleTimeout: Double = 15

    @Flag(help: "Also seed Synvo keys whose statuses the API does not document (EXPIRED, PENDING_ROTATION).")
    var undocumentedStatuses = false

    @Flag(help: "Print only the listening line; no request log.")
    var quiet = false

    func validate() throws {
        if enterpriseKey != nil {
            throw ValidationError("keys are not taken on the command line; use --enterprise-key-file PATH or SANDBOX_ENTERPRISE_KEY")
        }
        if synvoKey != nil {
            throw ValidationError("keys are not taken on the command line; use --synvo-key-file PATH or SANDBOX_SYNVO_KEY")
        }
        guard rateWindow > 0, rateWindow.isFinite else { throw ValidationError("--rate-window must be a positive number of seconds") }
        guard idleTimeout >= 0.1, idleTimeout <= 86_400 else { throw ValidationError("--idle-timeout must be between 0.1 and 86400 seconds") }
    }

    func run() async throws {
        try await runReportingErrors {
            let (configuration, custom) = try makeConfiguration()
            let banner = SandboxBanner(configuration: configuration, customEnterpriseKey: custom.enterprise, customSynvoKey: custom.synvo, quiet: quiet)
            try await runSandbox(configuration) { port in banner.print(port: port) }
        }
    }

    private func makeConfiguration() throws -> (SandboxConfiguration, (enterprise: Bool, synvo: Bool)) {
        let environment = ProcessInfo.processInfo.environment
        var configuration = SandboxConfiguration(
            host: host, port: port, databasePath: databasePath, fleetSize: fleetSize, seed: seed,
            rateLimit: rateLimit, rateWindow: .milliseconds(Int64((rateWindow * 1000).rounded())),
            faults: try fault.map { try FaultRule(parsing: $0) },
            undocumentedStatuses: undocumentedStatuses,
            idleTimeout: .milliseconds(Int64((idleTimeout * 1000).rounded())),
            logLevel: quiet ? .error : .info
        )
        var custom = (enterprise: false, synvo: false)
        if let path = enterpriseKeyFile {
            configuration.enterpriseKey = try SecretFile.read(path).reveal()
            custom.enterprise = true
        } else if let value = environment["SANDBOX_ENTERPRISE_KEY"], !value.isEmpty {
            configuration.enterpriseKey = value
            custom.enterprise = true
        }
        if let path = synvoKeyFile {
            configuration.synvoKey = try SecretFile.read(path).reveal()
            custom.synvo = true
        } else if let value = environment["SANDBOX_SYNVO_KEY"], !value.isEmpty {
            configuration.synvoKey = value
            custom.synvo = true
        }
        return (configuration, custom)
    }
}
