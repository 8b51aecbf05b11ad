import Foundation
import SynqFiles
import SynqAPI
import SynqConfig
import SynqSandbox
import SynqTestSupport
import Testing
import Yams

@Suite("synq provision as a subprocess")
struct ProvisionCLITests {
    static let enterpriseKey = SandboxCredentials.demoEnterpriseKey

    func environment(_ home: ScratchHome, _ sandbox: RunningSandbox, path: String, key: Bool = true) -> [String: String] {
        var env = home.environment
        env["PATH"] = path
        env["LANG"] = "C.UTF-8"
        env["ENTERPRISE_API_URL"] = sandbox.enterpriseURL.absoluteString
        if key { env["ENTERPRISE_API_KEY"] = Self.enterpriseKey }
        return env
    }

    @Test("start: exit 0, and no secret in output, in docker's argv or environment, or in any file that is not 0600")
    func startLeaksNothing() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let docker = try FakeDocker()
            let result = try await Detached.run(["provision", "--action", "start"], environment: environment(home, sandbox, path: docker.binDirectory))
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let config = try JSONDecoder().decode(SynchronizerConfig.self, from: Data(contentsOf: URL(fileURLWithPath: home.locations.synchronizerConfigFile)))
            let secrets = [Self.enterpriseKey, config.key]
            for secret in secrets {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
                #expect(!docker.calls.flatMap { $0 }.contains { $0.contains(secret) }, "a secret reached docker's argv")
                #expect(!docker.environmentSeen.contains(secret), "a secret reached docker's environment")
            }
            #expect(docker.calls.last?.first == "run")
            #expect(docker.envFileCopy.contains("SYNQ_KEY=\(config.key)"))
            for file in home.ourFiles() where SecureFile.mode(of: file) != 0o600 {
                let text = ScratchHome.contents(file)
                for secret in secrets { #expect(!text.contains(secret), "\(file) (mode \(String(SecureFile.mode(of: file) ?? 0, radix: 8))) holds a secret") }
            }
        }
    }

    @Test("the key can come from --api-key-stdin or a 0600 --api-key-file; a loose file is refused")
    func keySources() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let env = environment(home, sandbox, path: "/usr/bin:/bin", key: false)
            let viaStdin = try await Detached.run(["provision", "--api-key-stdin", "--action", "none"], environment: env, stdin: Self.enterpriseKey + "\n")
            #expect(viaStdin.status == 0, "stderr: \(viaStdin.stderr)")

            let keyFile = home.home + "/enterprise.key"
            try SecureFile.write(Data(Self.enterpriseKey.utf8), to: keyFile, mode: 0o600)
            let viaFile = try await Detached.run(["provision", "--api-key-file", keyFile, "--action", "none"], environment: env)
            #expect(viaFile.status == 0, "stderr: \(viaFile.stderr)")
            #expect(viaFile.stdout.contains("Reusing synchronizer"))

            chmod(keyFile, 0o644)
            let loose = try await Detached.run(["provision", "--api-key-file", keyFile, "--action", "none"], environment: env)
            #expect(loose.status == 64)
            #expect(loose.stderr.contains("chmod 600 \(keyFile)"))
        }
    }

    @Test("no key anywhere: exit 64 with one line saying where a key may come from")
    func noKey() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let result = try await Detached.run(["provision"], environment: environment(home, sandbox, path: "/usr/bin:/bin", key: false))
            #expect(result.status == 64)
            #expect(result.stderr.contains("ENTERPRISE_API_KEY"))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(home.ourFiles().isEmpty)
        }
    }

    @Test("an unauthorized key: exit 77, nothing written")
    func unauthorized() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            var env = environment(home, sandbox, path: "/usr/bin:/bin")
            env["ENTERPRISE_API_KEY"] = SandboxCredentials.nonEnterpriseKey
            let result = try await Detached.run(["provision"], environment: env)
            #expect(result.status == 77)
            #expect(!result.stderr.contains(SandboxCredentials.nonEnterpriseKey))
            #expect(home.ourFiles().isEmpty)
        }
    }

    @Test("start without docker on PATH: exit 69 naming what is missing")
    func dockerMissing() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let result = try await Detached.run(["provision", "--action", "start"], environment: environment(home, sandbox, path: home.home))
            #expect(result.status == 69)
            #expect(result.stderr.contains("`docker` is not on PATH"))
        }
    }

    @Test("--dry-run: exit 0, the sandbox and the disk unchanged")
    func dryRun() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let docker = try FakeDocker()
            let before = try await sandbox.enterprise().listSynchronizers().synchronizers.count
            let result = try await Detached.run(["provision", "--dry-run", "--action", "service"], environment: environment(home, sandbox, path: docker.binDirectory))
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("Would send: POST"))
            #expect(!result.stdout.contains(Self.enterpriseKey))
            #expect(try await sandbox.enterprise().listSynchronizers().synchronizers.count == before)
            #expect(home.ourFiles().isEmpty, "dry run wrote \(home.ourFiles())")
            #expect(docker.calls.isEmpty)
        }
    }

    @Test("--emit kubernetes --out DIR writes manifests that parse; usage errors are exit 64")
    func emit() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let env = environment(home, sandbox, path: "/usr/bin:/bin")
            let out = home.home + "/manifests"
            let result = try await Detached.run(["provision", "--emit", "kubernetes", "--out", out, "--replicas", "2", "--name", "lab"], environment: env)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let secret = try #require(try Yams.load(yaml: ScratchHome.contents(out + "/synq-secret.yaml")) as? [String: Any])
            #expect((secret["data"] as? [String: String])?.keys.sorted() == ["key-0", "key-1", "sync-name-0", "sync-name-1"])
            let documents = try Array(Yams.load_all(yaml: ScratchHome.contents(out + "/synq-statefulset.yaml")))
            #expect(documents.count == 2)
            #expect(!FileManager.default.fileExists(atPath: home.locations.synchronizerConfigFile), "emit must not configure this host")

            let missingOut = try await Detached.run(["provision", "--emit", "kubernetes"], environment: env)
            #expect(missingOut.status == 64)
            #expect(missingOut.stderr.contains("--out"))
        }
    }
}
