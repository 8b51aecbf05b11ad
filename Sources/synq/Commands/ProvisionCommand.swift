import ArgumentParser
import Foundation
import SynqAPI
import SynqConfig

extension SynchronizerAction: ExpressibleByArgument {}

/// The only `--emit` target so far.
enum EmitTarget: String, ExpressibleByArgument, CaseIterable {
    case kubernetes
}

/// `synq provision`: hands-free enterprise setup for scripts, cloud-init and images.
struct ProvisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provision",
        abstract: "Hands-free setup from the Enterprise API preferences: zero prompts, safe to re-run.",
        discussion: """
        Reads the Enterprise key from ENTERPRISE_API_KEY, --api-key-file PATH or --api-key-stdin \
        (never from the command line), fetches the preferences, creates one synchronizer for this \
        host (or reuses the one ~/.synchronizer-cli/config.json records, if the API still lists \
        it), writes config.json (mode 0600) and runs the preferences' default action.

        --dry-run sends only read-only requests and prints every request and file it would \
        send or write, secrets masked. --emit kubernetes --out DIR writes a Secret and a \
        StatefulSet with one synchronizer per replica instead of configuring this host.

        Exit codes: 0 ok, 64 usage or configuration (no wallet, loose file permissions), \
        69 docker not found, 70 docker failed, 73 cannot write a file, 77 unauthorized, \
        74 network, 79 forbidden or not found.
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("api-key-file"), help: ArgumentHelp("Read the Enterprise API key from PATH (mode 0600).", valueName: "PATH"))
    var apiKeyFile: String?

    @Flag(name: .customLong("api-key-stdin"), help: "Read the Enterprise API key from standard input.")
    var apiKeyStdin = false

    @Option(help: ArgumentHelp("Synchronizer name (default: derived from the hostname; with --emit, the base of replica names).", valueName: "NAME"))
    var name: String?

    @Flag(name: .customLong("new"), help: "Create a new synchronizer even if this host already has one.")
    var forceNew = false

    @Flag(name: .customLong("dry-run"), help: "Print every request and file, secrets masked; create, write and start nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Action instead of the preferences' defaultAction: start, service, web or none.", valueName: "ACTION"))
    var action: SynchronizerAction?

    @Option(help: ArgumentHelp("Emit manifests instead of configuring this host: kubernetes.", valueName: "TARGET"))
    var emit: EmitTarget?

    @Option(help: ArgumentHelp("Folder for --emit output (created 0700).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("Replicas for --emit kubernetes (one synchronizer each).", valueName: "N"))
    var replicas: Int = 1

    @Option(help: ArgumentHelp("Namespace written into --emit kubernetes manifests.", valueName: "NAMESPACE"))
    var namespace: String?

    mutating func validate() throws {
        if apiKeyFile != nil && apiKeyStdin { throw ValidationError("use either --api-key-file or --api-key-stdin, not both") }
        if (apiKeyFile != nil || apiKeyStdin) && connection.enterpriseKeyFile != nil {
            throw ValidationError("--enterprise-key-file and --api-key-file/--api-key-stdin name the same key; use one")
        }
        if emit != nil && out == nil { throw ValidationError("--emit kubernetes needs --out DIR") }
        if emit == nil && (out != nil || namespace != nil) { throw ValidationError("--out and --namespace go with --emit kubernetes") }
        if emit != nil && action != nil { throw ValidationError("--action does not apply to --emit: the cluster runs the synchronizers") }
    }

    func run() async throws {
        try await runSetupReportingErrors {
            // The seed-style key flags feed the shared resolver, so its precedence applies; and
            // provision never prompts, not even for a passphrase.
            var options = connection
            if let apiKeyFile { options.enterpriseKeyFile = apiKeyFile }
            if apiKeyStdin { options.enterpriseKeyFile = "-" }
            var environment = ProcessInfo.processInfo.environment
            environment["SYNQ_NO_PROMPT"] = "1"
            let settings = try SettingsResolver(environment: environment).resolve(options)
            let client = try settings.enterpriseClient()
            let provisioner = Provisioner(
                api: client, enterpriseKey: settings.enterpriseKey ?? Secret(""),
                enterpriseBaseURL: client.endpoint.baseURL.absoluteString,
                locations: ConfigLocations(environment: environment), host: .current(environment: environment),
                docker: DockerRunner(environment: environment), say: sayLine
            )
            let target = emit.map { _ in KubernetesTarget(outDirectory: absolute(out ?? "."), replicas: replicas, namespace: namespace) }
            let outcome = try await provisioner.run(ProvisionRequest(name: name, forceNew: forceNew, dryRun: dryRun, action: action, kubernetes: target))
            if dryRun {
                sayLine("Dry run complete: nothing was created, written or started.")
            } else {
                sayLine("Provisioning complete: \(outcome.created) created, \(outcome.reused) reused.")
            }
        }
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
