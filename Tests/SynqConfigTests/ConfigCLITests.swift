import Foundation
import SynqFiles
import SynqAPI
import SynqConfig
import SynqSandbox
import SynqTestSupport
import Testing

@Suite("synq login and synq config as subprocesses")
struct ConfigCLITests {
    static let key = SandboxCredentials.demoEnterpriseKey

    func environment(_ home: ScratchHome, _ extra: [String: String] = [:]) -> [String: String] {
        var env = home.environment
        env["PATH"] = "/usr/bin:/bin"
        env["LANG"] = "C.UTF-8"
        env.merge(extra) { _, new in new }
        return env
    }

    @Test("login --stdin stores the key 0600; config shows it masked and says it is not encrypted")
    func loginAndShow() async throws {
        let home = try ScratchHome()
        let login = try await Detached.run(["login", "enterprise", "--stdin"], environment: environment(home), stdin: Self.key + "\n")
        #expect(login.status == 0, "stderr: \(login.stderr)")
        #expect(!login.stdout.contains(Self.key))
        #expect(SecureFile.mode(of: home.locations.credentialsFile) == 0o600)
        #expect(SecureFile.mode(of: home.locations.configDirectory) == 0o700)

        let show = try await Detached.run(["config"], environment: environment(home))
        #expect(show.status == 0, "stderr: \(show.stderr)")
        #expect(!show.stdout.contains(Self.key))
        #expect(show.stdout.contains("••••"))
        #expect(show.stdout.contains("protected by file permissions only"))
    }

    @Test("encrypt with SYNQ_PASSPHRASE; a wrong passphrase is exit 77; without one, config still shows the profile")
    func encryption() async throws {
        let home = try ScratchHome()
        _ = try await Detached.run(["login", "enterprise", "--stdin"], environment: environment(home), stdin: Self.key)
        let encrypt = try await Detached.run(["config", "encrypt"], environment: environment(home, ["SYNQ_PASSPHRASE": "open sesame"]))
        #expect(encrypt.status == 0, "stderr: \(encrypt.stderr)")
        #expect(!ScratchHome.contents(home.locations.credentialsFile).contains(Self.key))

        let right = try await Detached.run(["config"], environment: environment(home, ["SYNQ_PASSPHRASE": "open sesame"]))
        #expect(right.status == 0)
        #expect(right.stdout.contains("encrypted with a passphrase"))
        #expect(right.stdout.contains("(stored)"))

        let wrong = try await Detached.run(["config"], environment: environment(home, ["SYNQ_PASSPHRASE": "guess"]))
        #expect(wrong.status == 77)
        #expect(wrong.stderr.contains("wrong passphrase"))
        #expect(wrong.stdout.isEmpty)

        let none = try await Detached.run(["config"], environment: environment(home))
        #expect(none.status == 0, "stderr: \(none.stderr)")
        #expect(none.stdout.contains("SYNQ_PASSPHRASE"))

        let decrypt = try await Detached.run(["config", "decrypt"], environment: environment(home, ["SYNQ_PASSPHRASE": "open sesame"]))
        #expect(decrypt.status == 0)
        #expect(ScratchHome.contents(home.locations.credentialsFile).contains(Self.key))
    }

    @Test("a profile supplies URL and key to other commands; flags and environment still win")
    func profileHook() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let login = try await Detached.run(["login", "enterprise", "--stdin", "--profile", "lab", "--url", sandbox.enterpriseURL.absoluteString],
                                               environment: environment(home), stdin: Self.key)
            #expect(login.status == 0, "stderr: \(login.stderr)")
            _ = try await Detached.run(["config", "encrypt"], environment: environment(home, ["SYNQ_PASSPHRASE": "pw-for-lab"]))

            let viaProfile = try await Detached.run(["preferences", "--profile", "lab"], environment: environment(home, ["SYNQ_PASSPHRASE": "pw-for-lab"]))
            #expect(viaProfile.status == 0, "stderr: \(viaProfile.stderr)")
            #expect(viaProfile.stdout.contains("0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE"))

            let envWins = try await Detached.run(["preferences", "--profile", "lab"],
                                                 environment: environment(home, ["SYNQ_PASSPHRASE": "pw-for-lab", "ENTERPRISE_API_KEY": SandboxCredentials.nonEnterpriseKey]))
            #expect(envWins.status == 77, "the environment's key must take precedence over the profile's")

            let unknown = try await Detached.run(["preferences", "--profile", "nope"], environment: environment(home, ["SYNQ_PASSPHRASE": "pw-for-lab"]))
            #expect(unknown.status == 64)
            #expect(unknown.stderr.contains("no profile named \"nope\""))
        }
    }

    @Test("config list and use switch the active profile without reading secrets")
    func listAndUse() async throws {
        let home = try ScratchHome()
        _ = try await Detached.run(["login", "synvo", "--stdin", "--profile", "staging"], environment: environment(home), stdin: "sk_test_x_123456")
        _ = try await Detached.run(["config", "set-url", "enterprise", "http://127.0.0.1:9/api", "--profile", "staging"], environment: environment(home))
        let use = try await Detached.run(["config", "use", "staging"], environment: environment(home))
        #expect(use.status == 0)
        let list = try await Detached.run(["config", "list"], environment: environment(home))
        #expect(list.stdout.contains("* staging"))
        #expect(list.stdout.contains("http://127.0.0.1:9/api"))
        #expect(!list.stdout.contains("sk_test_x_123456"))
    }

    @Test("login refuses a loose key file and, without a terminal, asks for --stdin or --from-file")
    func loginRefusals() async throws {
        let home = try ScratchHome()
        let keyFile = home.home + "/k"
        try Self.key.write(toFile: keyFile, atomically: true, encoding: .utf8)
        chmod(keyFile, 0o644)
        let loose = try await Detached.run(["login", "--from-file", keyFile], environment: environment(home))
        #expect(loose.status == 64)
        #expect(loose.stderr.contains("chmod 600"))
        let noTerminal = try await Detached.run(["login"], environment: environment(home))
        #expect(noTerminal.status == 64)
        #expect(noTerminal.stderr.contains("--stdin"))
        #expect(home.ourFiles().filter { $0.hasPrefix(home.xdg) }.isEmpty)
    }

    @Test("a credentials file others can read stops every command with the fix")
    func looseCredentialsFile() async throws {
        let home = try ScratchHome()
        _ = try await Detached.run(["login", "--stdin"], environment: environment(home), stdin: Self.key)
        chmod(home.locations.credentialsFile, 0o644)
        let show = try await Detached.run(["config"], environment: environment(home))
        #expect(show.status == 64)
        #expect(show.stderr.contains("chmod 600 \(home.locations.credentialsFile)"))
        #expect(!show.stderr.contains(Self.key))
    }
}
