import Foundation
import SynqAPI
import SynqConfig
import SynqSandbox
import SynqTestSupport
import Testing

/// A create answer whose id or key would inject lines into the root-run unit or the env file
/// (issue 9, finding 2) is refused: exit 65, one line naming the field, and no file written.
@Suite("Hostile create answers reach no file")
struct HostileAnswerTests {
    static let hostileID = "abc\n[Service]\nExecStartPre=+/bin/sh -c 'touch /tmp/synq-pwned'"
    static let hostileKey = "k\nLD_PRELOAD=/tmp/synq-evil.so"
    static let fineID = "7d0c3c1e-5f42-4b8e-9d8e-1c2b3a4d5e6f"
    static let fineKey = "c2ef1e74-94c4-589e-b66g-b7d513f85296"

    static let cases: [(id: String, key: String, field: String)] = [
        (hostileID, fineKey, "synchronizer id"),
        (fineID, hostileKey, "synchronizer key"),
        (fineID, "k%h$(id)\"", "synchronizer key"),
        ("..", fineKey, "synchronizer id"),
    ]

    /// The create route answers once with exactly this synchronizer.
    static func createAnswer(id: String, key: String) -> FaultRule {
        let synchronizer: [String: Any] = ["id": id, "key": key, "name": "edge-1", "isEnabled": true]
        let body = try! JSONSerialization.data(withJSONObject: ["success": true, "message": "Synchronizer created", "synchronizer": synchronizer])
        return FaultRule(route: "POST /api/synq-keys/enterprise/synchronizer", kind: .body, count: 1, bodyBase64: body.base64EncodedString())
    }

    func environment(_ home: ScratchHome, _ sandbox: RunningSandbox, path: String) -> [String: String] {
        var env = home.environment
        env["PATH"] = path
        env["LANG"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        env["ENTERPRISE_API_URL"] = sandbox.enterpriseURL.absoluteString
        return env
    }

    @Test("provision --action service: exit 65, no unit, no env file, no config.json", arguments: cases)
    func provisionService(id: String, key: String, field: String) async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let docker = try FakeDocker()
            try await sandbox.inject(Self.createAnswer(id: id, key: key))
            var env = environment(home, sandbox, path: docker.binDirectory + ":/usr/bin:/bin")
            env["ENTERPRISE_API_KEY"] = SandboxCredentials.demoEnterpriseKey
            let result = try await Detached.run(["provision", "--action", "service"], environment: env)
            #expect(result.status == 65, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
            #expect(result.stderr.contains("the server sent a \(field)"), "stderr: \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!result.stderr.contains("LD_PRELOAD") && !result.stdout.contains("LD_PRELOAD"), "the key was echoed")
            #expect(!result.stdout.contains("\n[Service]") && !result.stderr.contains("\n[Service]"))
            #expect(home.ourFiles().isEmpty, "written: \(home.ourFiles())")
            #expect(docker.calls.isEmpty)
        }
    }

    @Test("provision --emit kubernetes: exit 65 and no manifest when a replica's answer is hostile")
    func emitKubernetes() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            try await sandbox.inject(Self.createAnswer(id: Self.fineID, key: Self.hostileKey))
            var env = environment(home, sandbox, path: "/usr/bin:/bin")
            env["ENTERPRISE_API_KEY"] = SandboxCredentials.demoEnterpriseKey
            let out = home.home + "/k8s"
            let result = try await Detached.run(["provision", "--emit", "kubernetes", "--out", out, "--replicas", "2", "--name", "fleet"], environment: env)
            #expect(result.status == 65, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("synchronizer key") && result.stderr.contains("fleet-0"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test("setup choosing service: exit 65, no unit, no env file, no config.json", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")),
          arguments: cases.prefix(2))
    func setupService(id: String, key: String, field: String) async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            try await sandbox.inject(Self.createAnswer(id: id, key: key))
            let command = "\(SynqBinary.url.path) setup; echo \"EXIT=$?\"; echo END; sleep 60"
            let tmux = try await Tmux(command: command, environment: environment(home, sandbox, path: "/usr/bin:/bin"), width: 120, height: 40)
            try await tmux.require("Enterprise API Key")
            try await tmux.type(SandboxCredentials.demoEnterpriseKey)
            try await tmux.send("Enter")
            try await tmux.require("Synchronizer name")
            try await tmux.send("Enter")
            try await tmux.require("Wallet address")
            try await tmux.type("0x8ba1f109551bD432803012645Ac136ddd64DBA72")
            try await tmux.send("Enter")
            try await tmux.require("Dashboard password")
            try await tmux.send("Enter")
            try await tmux.require("[S]tart, Se[R]vice, [W]eb, [Q]uit")
            try await tmux.type("r")
            try await tmux.send("Enter")
            let screen = try await tmux.require("END")
            #expect(screen.contains("EXIT=65"), "screen:\n\(screen)")
            #expect(screen.contains("the server sent a \(field)"), "screen:\n\(screen)")
            #expect(!screen.contains("LD_PRELOAD"), "the key was echoed")
            let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(!lines.contains { $0.hasPrefix("ExecStartPre") || $0 == "[Service]" }, "the id broke onto its own lines:\n\(screen)")
            #expect(home.ourFiles().isEmpty, "written: \(home.ourFiles())")
        }
    }
}
