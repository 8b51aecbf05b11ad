import Foundation
import SynqFiles
import SynqAPI

/// Carries out a `SynchronizerAction` for a written configuration, or, in a dry run, says
/// exactly what it would write and run (secrets masked) and touches nothing.
public struct ActionRunner: Sendable {
    public var locations: ConfigLocations
    public var host: HostInfo
    public var docker: DockerRunner
    public var dryRun: Bool
    public var say: @Sendable (String) -> Void

    public init(locations: ConfigLocations, host: HostInfo, docker: DockerRunner, dryRun: Bool, say: @escaping @Sendable (String) -> Void) {
        self.locations = locations
        self.host = host
        self.docker = docker
        self.dryRun = dryRun
        self.say = say
    }

    public func perform(_ action: SynchronizerAction, config: SynchronizerConfig) async throws(ActionError) {
        if !dryRun && (action == .service || action == .start) { try Self.verify(config) }
        switch action {
        case .none:
            say("No action requested: configuration only.")
        case .web:
            say("The web dashboard is not provided by synq. The equivalent is `synchronize web` from synchronizer-cli, which reads the same \(locations.synchronizerConfigFile).")
        case .service:
            try writeService(config)
        case .start:
            try await start(config)
        }
    }

    /// The key and id go into the env file and the unit: they must be what a server may
    /// legitimately send, whoever wrote config.json.
    static func verify(_ config: SynchronizerConfig) throws(ActionError) {
        do {
            _ = try ServerToken(config.key, kind: .key, field: "synq key in config.json")
            if let id = config.synchronizerId { _ = try ServerToken(id, kind: .identifier, field: "synchronizer id in config.json") }
        } catch {
            throw .unsafeValue(error)
        }
    }

    func unit(for config: SynchronizerConfig) -> SystemdUnit {
        SystemdUnit(config: config, platform: host.dockerPlatform, dockerPath: docker.locate() ?? "/usr/bin/docker",
                    environmentFile: locations.environmentFile, userName: host.userName)
    }

    private func writeService(_ config: SynchronizerConfig) throws(ActionError) {
        let unit = unit(for: config)
        if dryRun {
            say("Would write \(locations.environmentFile) (mode 0600):\n" + indent(unit.renderEnvironment(masked: true)))
            say("Would write \(locations.serviceFile) (mode 0644, no secret in it):\n" + indent(unit.renderUnit()))
            return
        }
        say("Generating systemd service…")
        do {
            try SecureFile.ensureDirectory(locations.synchronizerDirectory)
            try SecureFile.write(Data(unit.renderEnvironment().utf8), to: locations.environmentFile, mode: 0o600)
            try SecureFile.write(Data(unit.renderUnit().utf8), to: locations.serviceFile, mode: 0o644)
        } catch {
            throw .file(error)
        }
        say("Service file written: \(locations.serviceFile)")
        say("Its synq key is in \(locations.environmentFile) (mode 0600), not in the unit.")
        say("To install and start it:\n" + unit.installCommands(unitPath: locations.serviceFile).map { "  " + $0 }.joined(separator: "\n"))
    }

    /// The `docker run` arguments; the key travels in the env file, never here.
    func runArguments(for config: SynchronizerConfig) -> [String] {
        ContainerLaunch.runArguments(config: config, platform: host.dockerPlatform, environmentFile: locations.environmentFile, detached: true)
    }

    private func start(_ config: SynchronizerConfig) async throws(ActionError) {
        let unit = unit(for: config)
        let arguments = runArguments(for: config)
        guard let dockerPath = docker.locate() else {
            if dryRun {
                say("Would start the container, but `docker` is not on PATH (\(docker.searchPath)).")
                return
            }
            throw .dockerNotFound(searchPath: docker.searchPath)
        }
        if dryRun {
            say("Would write \(locations.environmentFile) (mode 0600):\n" + indent(unit.renderEnvironment(masked: true)))
            say("Would run: \(ShellText.line([dockerPath, "rm", "-f", SystemdUnit.containerName]))")
            say("Would run: \(ShellText.line([dockerPath] + arguments))")
            return
        }
        do {
            try SecureFile.ensureDirectory(locations.synchronizerDirectory)
            try SecureFile.write(Data(unit.renderEnvironment().utf8), to: locations.environmentFile, mode: 0o600)
        } catch {
            throw .file(error)
        }
        say("Starting the synchronizer container with \(dockerPath)…")
        // A container left by an earlier run would make `docker run --name` fail.
        _ = try await docker.run(dockerPath, ["rm", "-f", SystemdUnit.containerName], quiet: true)
        let status = try await docker.run(dockerPath, arguments)
        guard status == 0 else { throw .dockerFailed(status: status) }
        say("Container \(SystemdUnit.containerName) started (key passed through \(locations.environmentFile), not the command line).")
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    }
}
