import Foundation
import SynqAPI
import SynqConfig
import SynqSandbox
import SynqTestSupport
import Testing

/// Setup and provision progress goes through the terminal-safe output (issue 9, should-fix).
@Suite("Provision progress on stdout")
struct ProgressOutputTests {
    func environment(_ home: ScratchHome, _ sandbox: RunningSandbox) -> [String: String] {
        var env = home.environment
        env["PATH"] = "/usr/bin:/bin"
        env["ENTERPRISE_API_URL"] = sandbox.enterpriseURL.absoluteString
        env["ENTERPRISE_API_KEY"] = SandboxCredentials.demoEnterpriseKey
        return env
    }

    @Test("a full disk on stdout is reported with exit 74, not swallowed")
    func fullDisk() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let result = try await SynqBinary.run(["provision", "--dry-run", "--action", "none"], environment: environment(home, sandbox), stdoutPath: "/dev/full")
            #expect(result.status == 74, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("cannot write the output"), "stderr: \(result.stderr)")
        }
    }

    @Test("a dry run never writes a server's ESC or C1 bytes to stdout")
    func noRawEscapes() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let id = "node\u{9b}31m\u{1b}]0;owned\u{7}"
            // config.json records the id and the server lists it: the dry run reuses it.
            let recorded = SynchronizerConfig(userName: "edge", key: "c2ef1e74-94c4-589e-b66g-b7d513f85296", wallet: "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE",
                                              secret: "0011223344556677", hostname: "edge", synchronizerId: id)
            try SynchronizerConfigFile(locations: home.locations).write(recorded)
            let list: [String: Any] = ["success": true, "synchronizers": [["id": id, "key": recorded.key, "name": "edge\u{9b}2J", "isEnabled": true]]]
            let body = try JSONSerialization.data(withJSONObject: list)
            try await sandbox.inject(FaultRule(route: "GET /api/synq-keys/enterprise/synchronizers", kind: .body, bodyBase64: body.base64EncodedString()))
            let result = try await SynqBinary.run(["provision", "--dry-run", "--action", "service"], environment: environment(home, sandbox))
            for text in [result.stdout, result.stderr] {
                #expect(!text.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{9b}" || $0 == "\u{7}" }, "raw control bytes in: \(text.debugDescription)")
            }
        }
    }
}
