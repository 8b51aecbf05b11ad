import Foundation
import SynqFiles
import SynqConfig
import SynqTestSupport
import Testing
import Yams

@Suite("Generated systemd unit and Kubernetes manifests")
struct GeneratedFilesTests {
    static let key = "b1df0d63-83b3-478d-a55f-a6c402e74185"
    static let wallet = "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE"

    var config: SynchronizerConfig {
        SynchronizerConfig(userName: "edge-1", key: Self.key, wallet: Self.wallet, secret: "0011223344556677", hostname: "edge-1", synchronizerId: "id-1")
    }

    @Test("the unit keeps the synchronizer-cli behaviour; the key reaches the container through the env file, never the command line")
    func unitContents() {
        let unit = SystemdUnit(config: config, platform: "linux/arm64", dockerPath: "/usr/bin/docker", environmentFile: "/home/u/.synchronizer-cli/synchronizer-cli.env", userName: "u")
        let text = unit.renderUnit()
        #expect(!text.contains(Self.key))
        for line in ["After=docker.service", "Requires=docker.service", "Restart=always", "RestartSec=10", "User=u"] {
            #expect(text.contains(line + "\n"), "missing \(line)")
        }
        let execStart = text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") }.map(String.init) ?? ""
        for part in ["cdrakep/synqchronizer:latest", "-e SYNQ_DEPIN=wss://api.multisynq.io/depin", "-e SYNQ_SYNC_NAME=\(config.syncHash)",
                     "--env-file /home/u/.synchronizer-cli/synchronizer-cli.env", "-e SYNQ_WALLET=\(Self.wallet)", "--platform linux/arm64",
                     "--entrypoint /bin/sh", #"--key \"$$SYNQ_KEY\""#] {
            #expect(execStart.contains(part), "ExecStart lacks \(part): \(execStart)")
        }
        // systemd would expand ${SYNQ_KEY} itself and put the key on docker's command line.
        #expect(!execStart.contains("${SYNQ_KEY}") && !text.contains("EnvironmentFile="))
        #expect(unit.renderEnvironment() == "# synq key for synchronizer-cli.service; keep this file mode 0600.\nSYNQ_KEY=\(Self.key)\n")
        #expect(!unit.renderEnvironment(masked: true).contains(Self.key))
    }

    @Test("paths with spaces and %, and a hostile-looking depin, stay literal in the unit")
    func unitEscapes() {
        var odd = config
        odd.depin = "wss://x/%h$(id) \"q\""
        let unit = SystemdUnit(config: odd, platform: "linux/amd64", dockerPath: "/opt/my docker/docker", environmentFile: "/home/u 1/%n.env", userName: "u%i")
        let text = unit.renderUnit()
        #expect(text.contains("User=u%%i\n"))
        let execStart = text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") }.map(String.init) ?? ""
        #expect(execStart.hasPrefix(#"ExecStart="/opt/my docker/docker" run"#), "\(execStart)")
        #expect(execStart.contains(#"--env-file "/home/u 1/%%n.env""#), "\(execStart)")
        #expect(execStart.contains(#""SYNQ_DEPIN=wss://x/%%h$$(id) \"q\"""#), "\(execStart)")
    }

    @Test("systemd-analyze verify accepts the unit", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func unitVerifies() async throws {
        let home = try ScratchHome()
        let unitPath = home.home + "/synchronizer-cli.service"
        let envPath = home.home + "/synchronizer-cli.env"
        // verify checks that ExecStart's binary exists and that Requires= resolves: give it a
        // real executable and a stand-in docker.service beside the unit.
        let unit = SystemdUnit(config: config, platform: "linux/amd64", dockerPath: "/bin/true", environmentFile: envPath, userName: "root")
        try SecureFile.write(Data(unit.renderEnvironment().utf8), to: envPath)
        try SecureFile.write(Data(unit.renderUnit().utf8), to: unitPath, mode: 0o644)
        try SecureFile.write(Data("[Unit]\nDescription=stand-in\n[Service]\nExecStart=/bin/true\n".utf8), to: home.home + "/docker.service", mode: 0o644)
        let verified = try await ChildProcess.run("/usr/bin/systemd-analyze", ["verify", "--man=no", home.home + "/docker.service", unitPath],
                                                  environment: ["PATH": "/usr/bin:/bin"])
        let output = verified.stderr
        #expect(verified.status == 0, "systemd-analyze: \(output)")
        #expect(!output.contains("synchronizer-cli.service:"), "warnings: \(output)")
    }

    func manifests(replicas: Int) -> KubernetesManifests {
        let list = (0..<replicas).map { i in
            ReplicaSynchronizer(ordinal: i, synchronizerID: "id-\(i)", name: "edge-\(i)", key: "key-value-\(i)-secret",
                                syncHash: KubernetesManifests.syncHash(synchronizerID: "id-\(i)", name: "edge-\(i)", podName: "edge-\(i)"))
        }
        return KubernetesManifests(workloadName: "Edge Fleet", wallet: Self.wallet, replicas: list, namespace: "synq")
    }

    @Test("the Secret parses as YAML with one base64 key and sync name per replica")
    func secretParses() throws {
        let manifests = manifests(replicas: 3)
        let secret = try #require(try Yams.load(yaml: manifests.renderSecret()) as? [String: Any])
        #expect(secret["kind"] as? String == "Secret")
        let metadata = try #require(secret["metadata"] as? [String: Any])
        #expect(metadata["name"] as? String == "edge-fleet-keys")
        #expect(metadata["namespace"] as? String == "synq")
        let data = try #require(secret["data"] as? [String: String])
        #expect(data.count == 6)
        for i in 0..<3 {
            let key = try #require(data["key-\(i)"].flatMap { Data(base64Encoded: $0) })
            #expect(String(decoding: key, as: UTF8.self) == "key-value-\(i)-secret")
            #expect(data["sync-name-\(i)"].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self).hasPrefix("synq-") } == true)
        }
        #expect(!manifests.renderSecret(masked: true).contains("key-value-0-secret"))
    }

    @Test("the workload is a headless Service and a StatefulSet reading key-N by ordinal, with no key in it")
    func workloadParses() throws {
        let manifests = manifests(replicas: 3)
        let text = manifests.renderWorkload()
        for i in 0..<3 { #expect(!text.contains("key-value-\(i)-secret")) }
        let documents = try Array(Yams.load_all(yaml: text)).compactMap { $0 as? [String: Any] }
        #expect(documents.map { $0["kind"] as? String } == ["Service", "StatefulSet"])
        let service = documents[0]
        #expect((service["spec"] as? [String: Any])?["clusterIP"] as? String == "None")
        let set = documents[1]
        let spec = try #require(set["spec"] as? [String: Any])
        #expect(spec["replicas"] as? Int == 3)
        #expect(spec["serviceName"] as? String == "edge-fleet")
        let template = try #require(spec["template"] as? [String: Any])
        let labels = try #require((template["metadata"] as? [String: Any])?["labels"] as? [String: String])
        let selector = try #require((spec["selector"] as? [String: Any])?["matchLabels"] as? [String: String])
        #expect(selector.allSatisfy { labels[$0.key] == $0.value })
        let podSpec = try #require(template["spec"] as? [String: Any])
        let container = try #require((podSpec["containers"] as? [[String: Any]])?.first)
        #expect(container["image"] as? String == "cdrakep/synqchronizer:latest")
        let script = try #require((container["args"] as? [String])?.first)
        #expect(script.contains("/var/run/synq/key-${ordinal}"))
        // The same launch as `provision start` and the unit: key from the environment, --key only inside the container.
        #expect(script.contains(ContainerLaunch.execLine))
        let env = try #require(container["env"] as? [[String: Any]])
        #expect(env.contains { $0["name"] as? String == "SYNQ_WALLET" && $0["value"] as? String == Self.wallet })
        let volumes = try #require(podSpec["volumes"] as? [[String: Any]])
        #expect((volumes.first?["secret"] as? [String: Any])?["secretName"] as? String == "edge-fleet-keys")
    }

    @Test("a replica's sync name is stable across re-emits and differs between replicas")
    func stableSyncNames() {
        let a = KubernetesManifests.syncHash(synchronizerID: "id-0", name: "edge-0", podName: "edge-0")
        #expect(a == KubernetesManifests.syncHash(synchronizerID: "id-0", name: "edge-0", podName: "edge-0"))
        #expect(a != KubernetesManifests.syncHash(synchronizerID: "id-1", name: "edge-1", podName: "edge-1"))
    }
}
