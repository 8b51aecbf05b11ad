import Foundation
import SynqFiles
import SynqAPI
import SynqConfig
import SynqSandbox
import SynqTestSupport
import Testing

@Suite("Provisioning against the sandbox over loopback")
struct ProvisionerTests {
    static let host = HostInfo(hostname: "edge-7.example.net", dockerPlatform: "linux/amd64", userName: "tester")

    struct Rig {
        let sandbox: RunningSandbox
        let home: ScratchHome
        let lines = Lines()
        let docker: FakeDocker
        let databasePath: String

        var accounts: SandboxAccounts { SandboxAccounts(databasePath: databasePath) }

        func provisioner(key: String = SandboxCredentials.demoEnterpriseKey) throws -> Provisioner {
            Provisioner(api: try sandbox.enterprise(key: key), enterpriseKey: Secret(key), enterpriseBaseURL: sandbox.enterpriseURL.absoluteString,
                        locations: home.locations, host: ProvisionerTests.host,
                        docker: DockerRunner(environment: ["PATH": docker.binDirectory]), say: lines.say)
        }

        func count() async throws -> Int { try await sandbox.enterprise().listSynchronizers().synchronizers.count }

        func listed() async throws -> [Synchronizer] { try await sandbox.enterprise().listSynchronizers().synchronizers }

        func writtenConfig() throws -> SynchronizerConfig {
            try JSONDecoder().decode(SynchronizerConfig.self, from: Data(contentsOf: URL(fileURLWithPath: home.locations.synchronizerConfigFile)))
        }
    }

    func withRig(_ body: (Rig) async throws -> Void) async throws {
        let scratch = try TemporaryDirectory()
        let configuration = SandboxConfiguration.onDisk(scratch.path("sandbox.sqlite"))
        try await withSandbox(configuration) { sandbox in
            try await body(Rig(sandbox: sandbox, home: try ScratchHome(), docker: try FakeDocker(), databasePath: scratch.path("sandbox.sqlite")))
        }
    }

    @Test("creates one synchronizer, writes config.json field for field, and reuses it on a re-run")
    func createThenReuse() async throws {
        try await withRig { rig in
            let before = try await rig.count()
            let first = try await rig.provisioner().run(ProvisionRequest(action: SynchronizerAction.none))
            #expect(first.created == 1 && first.reused == 0)
            #expect(try await rig.count() == before + 1)

            let config = try rig.writtenConfig()
            let created = try #require(try await rig.listed().first { $0.id == first.synchronizerIDs.first })
            #expect(config.synchronizerId == created.id)
            #expect(config.key == created.key)
            #expect(config.userName == "edge-7" && created.name == "edge-7")
            #expect(config.wallet == "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE")
            #expect(config.hostname == "edge-7.example.net")
            #expect(config.secret.count == 16)
            #expect(config.syncHash == SynchronizerConfig.syncHash(userName: config.userName, hostname: config.hostname, secret: config.secret))
            #expect(config.depin == "wss://api.multisynq.io/depin" && config.launcher == "cli")
            #expect(config.dashboardPassword == nil, "the masked password from the API must not be written")
            #expect(config.enterpriseApiKey == nil)
            #expect(SecureFile.mode(of: rig.home.locations.synchronizerConfigFile) == 0o600)
            #expect(SecureFile.mode(of: rig.home.locations.synchronizerDirectory) == 0o700)
            #expect(rig.lines.text.contains("not a password and is not written"))

            let second = try await rig.provisioner().run(ProvisionRequest(action: SynchronizerAction.none))
            #expect(second.created == 0 && second.reused == 1)
            #expect(second.synchronizerIDs == first.synchronizerIDs)
            #expect(try await rig.count() == before + 1)
            #expect(try rig.writtenConfig().syncHash == config.syncHash, "a reused synchronizer keeps its sync name")
        }
    }

    @Test("--new creates another even when one is recorded")
    func forceNew() async throws {
        try await withRig { rig in
            let first = try await rig.provisioner().run(ProvisionRequest(action: SynchronizerAction.none))
            let before = try await rig.count()
            let second = try await rig.provisioner().run(ProvisionRequest(forceNew: true, action: SynchronizerAction.none))
            #expect(second.created == 1)
            #expect(second.synchronizerIDs != first.synchronizerIDs)
            #expect(try await rig.count() == before + 1)
        }
    }

    @Test("a recorded synchronizer the API no longer lists is replaced")
    func staleRecord() async throws {
        try await withRig { rig in
            let stale = SynchronizerConfig(userName: "old", key: "old-key", wallet: "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE",
                                           secret: "0011223344556677", hostname: "old", synchronizerId: "no-such-id")
            try SynchronizerConfigFile(locations: rig.home.locations).write(stale)
            let before = try await rig.count()
            let outcome = try await rig.provisioner().run(ProvisionRequest(action: SynchronizerAction.none))
            #expect(outcome.created == 1)
            #expect(try await rig.count() == before + 1)
            #expect(rig.lines.text.contains("no longer listed"))
        }
    }

    @Test("--dry-run creates, writes and starts nothing, and shows secrets masked")
    func dryRun() async throws {
        try await withRig { rig in
            let before = try await rig.count()
            _ = try await rig.provisioner().run(ProvisionRequest(dryRun: true, action: .start))
            #expect(try await rig.count() == before)
            #expect(rig.home.ourFiles().isEmpty, "dry run wrote \(rig.home.ourFiles())")
            #expect(rig.docker.calls.isEmpty)
            let text = rig.lines.text
            #expect(text.contains("Would send: POST \(rig.sandbox.enterpriseURL.absoluteString)/synq-keys/enterprise/synchronizer"))
            #expect(text.contains("Would write \(rig.home.locations.synchronizerConfigFile)"))
            #expect(text.contains("Would run: "))
            #expect(!text.contains(SandboxCredentials.demoEnterpriseKey))
        }
    }

    @Test("wallet falls back to the owner's when the preferences have none, and says so")
    func ownerWalletFallback() async throws {
        try await withRig { rig in
            try rig.accounts.setPreferences(wallet: nil, ownerWallet: "0x8ba1f109551bD432803012645Ac136ddd64DBA72")
            _ = try await rig.provisioner().run(ProvisionRequest(action: SynchronizerAction.none))
            #expect(try rig.writtenConfig().wallet == "0x8ba1f109551bD432803012645Ac136ddd64DBA72")
            #expect(rig.lines.text.contains("using the account owner's wallet"))
        }
    }

    @Test("an invalid preferences wallet also falls back to the owner's")
    func invalidWalletFallback() async throws {
        try await withRig { rig in
            try rig.accounts.setPreferences(wallet: "0x1234...abcd", ownerWallet: "0x8ba1f109551bD432803012645Ac136ddd64DBA72")
            _ = try await rig.provisioner().run(ProvisionRequest(action: SynchronizerAction.none))
            #expect(try rig.writtenConfig().wallet == "0x8ba1f109551bD432803012645Ac136ddd64DBA72")
            #expect(rig.lines.text.contains("not valid"))
        }
    }

    @Test("no wallet anywhere: a clear error and nothing created or written")
    func noWallet() async throws {
        try await withRig { rig in
            try rig.accounts.setPreferences(wallet: nil, ownerWallet: nil)
            let before = try await rig.count()
            await #expect(throws: ProvisionError.noWallet(found: nil)) { try await rig.provisioner().run(ProvisionRequest()) }
            #expect(try await rig.count() == before)
            #expect(rig.home.ourFiles().isEmpty)
            #expect(ProvisionError.noWallet(found: nil).description.contains("nothing was created"))
        }
    }

    @Test("no or unknown default action: configuration only, said plainly", arguments: [nil, "launch-rockets"])
    func noAction(action: String?) async throws {
        try await withRig { rig in
            try rig.accounts.setPreferences(wallet: "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE", ownerWallet: nil, defaultAction: action)
            let outcome = try await rig.provisioner().run(ProvisionRequest())
            #expect(outcome.action == SynchronizerAction.none)
            #expect(rig.lines.text.contains("configuration only"))
            #expect(rig.docker.calls.isEmpty)
        }
    }

    @Test("a key the API refuses stops before anything is written")
    func unauthorized() async throws {
        try await withRig { rig in
            await #expect(throws: APIError.self) { try await rig.provisioner(key: SandboxCredentials.nonEnterpriseKey).run(ProvisionRequest()) }
            #expect(rig.home.ourFiles().isEmpty)
        }
    }

    @Test("a config.json others can read is refused before anything is created")
    func looseConfig() async throws {
        try await withRig { rig in
            let existing = SynchronizerConfig(userName: "old", key: "old-key", wallet: "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE",
                                              secret: "0011223344556677", hostname: "old", synchronizerId: "no-such-id")
            try SynchronizerConfigFile(locations: rig.home.locations).write(existing)
            chmod(rig.home.locations.synchronizerConfigFile, 0o644)
            let before = try await rig.count()
            do {
                _ = try await rig.provisioner().run(ProvisionRequest())
                Issue.record("a loose config.json was accepted")
            } catch let error as ProvisionError {
                #expect(error.description.contains("chmod 600 \(rig.home.locations.synchronizerConfigFile)"))
            }
            #expect(try await rig.count() == before)
        }
    }

    @Test("service writes a unit without the key and a 0600 env file with it")
    func service() async throws {
        try await withRig { rig in
            _ = try await rig.provisioner().run(ProvisionRequest(action: .service))
            let key = try rig.writtenConfig().key
            let unit = ScratchHome.contents(rig.home.locations.serviceFile)
            #expect(!unit.contains(key) && unit.contains("--env-file \(rig.home.locations.environmentFile)"))
            #expect(ScratchHome.contents(rig.home.locations.environmentFile).contains("SYNQ_KEY=\(key)"))
            #expect(SecureFile.mode(of: rig.home.locations.environmentFile) == 0o600)
            #expect(rig.lines.text.contains("sudo systemctl daemon-reload"))
        }
    }

    @Test("start runs docker with the key in a 0600 env file, never in its arguments or environment")
    func start() async throws {
        try await withRig { rig in
            _ = try await rig.provisioner().run(ProvisionRequest(action: .start))
            let config = try rig.writtenConfig()
            let calls = rig.docker.calls
            #expect(calls.count == 2)
            #expect(calls.first == ["rm", "-f", "synchronizer-cli"])
            let run = try #require(calls.last)
            #expect(run.first == "run")
            #expect(run.contains("cdrakep/synqchronizer:latest"))
            #expect(run.contains("SYNQ_SYNC_NAME=\(config.syncHash)") && run.contains("SYNQ_WALLET=\(config.wallet)") && run.contains("linux/amd64"))
            // The same launch as the unit and the StatefulSet.
            #expect(run.contains(ContainerLaunch.execLine))
            #expect(!run.joined(separator: " ").contains(config.key))
            #expect(rig.docker.envFileCopy.contains("SYNQ_KEY=\(config.key)"))
            #expect(!rig.docker.environmentSeen.contains(config.key))
        }
    }

    @Test("start without docker on PATH says what is missing after writing the config")
    func startWithoutDocker() async throws {
        try await withRig { rig in
            var provisioner = try rig.provisioner()
            provisioner.docker = DockerRunner(environment: ["PATH": rig.home.home])
            await #expect(throws: ActionError.dockerNotFound(searchPath: rig.home.home)) { try await provisioner.run(ProvisionRequest(action: .start)) }
            #expect(FileManager.default.fileExists(atPath: rig.home.locations.synchronizerConfigFile))
        }
    }

    @Test("web is reported as not provided, with the equivalent command")
    func web() async throws {
        try await withRig { rig in
            _ = try await rig.provisioner().run(ProvisionRequest(action: .web))
            #expect(rig.lines.text.contains("not provided by synq"))
            #expect(rig.lines.text.contains("synchronize web"))
        }
    }

    @Test("--emit kubernetes creates one synchronizer per replica, reuses them on re-run, and grows")
    func kubernetes() async throws {
        try await withRig { rig in
            let out = rig.home.home + "/k8s"
            let before = try await rig.count()
            let first = try await rig.provisioner().run(ProvisionRequest(name: "fleet", kubernetes: KubernetesTarget(outDirectory: out, replicas: 2)))
            #expect(first.created == 2)
            #expect(try await rig.count() == before + 2)
            #expect(SecureFile.mode(of: out + "/synq-secret.yaml") == 0o600)
            let again = try await rig.provisioner().run(ProvisionRequest(name: "fleet", kubernetes: KubernetesTarget(outDirectory: out, replicas: 3)))
            #expect(again.reused == 2 && again.created == 1)
            #expect(Array(again.synchronizerIDs.prefix(2)) == first.synchronizerIDs)
            #expect(try await rig.count() == before + 3)
            let workload = ScratchHome.contents(out + "/synq-statefulset.yaml")
            for synchronizer in try await rig.listed() where synchronizer.name.hasPrefix("fleet-") {
                #expect(!workload.contains(synchronizer.key))
            }
        }
    }
}
