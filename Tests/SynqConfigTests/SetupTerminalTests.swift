import Foundation
import SynqFiles
import SynqAPI
import SynqConfig
import SynqSandbox
import SynqTestSupport
import Testing

@Suite("synq setup and masked prompts in a real terminal (tmux)", .enabled(if: Tmux.isAvailable))
struct SetupTerminalTests {
    static let key = SandboxCredentials.demoEnterpriseKey
    static let wallet = "0x8ba1f109551bD432803012645Ac136ddd64DBA72"

    func environment(_ home: ScratchHome, _ sandbox: RunningSandbox? = nil) -> [String: String] {
        var env = home.environment
        env["PATH"] = "/usr/bin:/bin"
        env["LANG"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        if let sandbox { env["ENTERPRISE_API_URL"] = sandbox.enterpriseURL.absoluteString }
        return env
    }

    /// Runs synq in the pane, then prints its exit status and the terminal mode it left.
    func command(_ arguments: String) -> String {
        "\(SynqBinary.url.path) \(arguments); echo \"EXIT=$?\"; stty -a | tr '\\n' ' '; echo; echo END; sleep 60"
    }

    @Test("the guided flow: masked key, name, wallet re-asked until valid, password twice, quit; config.json written 0600")
    func guidedFlow() async throws {
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let home = try ScratchHome()
            let before = try await sandbox.enterprise().listSynchronizers().synchronizers.count
            let tmux = try await Tmux(command: command("setup"), environment: environment(home, sandbox), width: 120, height: 40)

            try await tmux.require("Enterprise API Key")
            try await tmux.type(Self.key)
            let typed = try await tmux.require(String(repeating: "•", count: Self.key.count))
            #expect(!typed.contains(Self.key), "the key was echoed")
            try await tmux.send("Enter")

            try await tmux.require("Synchronizer name")
            try await tmux.type("lab-node-1")
            try await tmux.send("Enter")

            try await tmux.require("Wallet address")
            try await tmux.type("0x1234")
            try await tmux.send("Enter")
            try await tmux.require("Not a wallet address")
            try await tmux.type(Self.wallet)
            try await tmux.send("Enter")

            try await tmux.require("Dashboard password")
            try await tmux.type("first-try")
            try await tmux.send("Enter")
            try await tmux.require("Repeat the dashboard password")
            try await tmux.type("mistyped")
            try await tmux.send("Enter")
            try await tmux.require("do not match")
            try await tmux.require("Dashboard password", occurrences: 2)
            try await tmux.type("hunter22")
            try await tmux.send("Enter")
            try await tmux.require("Repeat the dashboard password", occurrences: 2)
            try await tmux.type("hunter22")
            try await tmux.send("Enter")

            try await tmux.require("[S]tart, Se[R]vice, [W]eb, [Q]uit")
            try await tmux.type("q")
            try await tmux.send("Enter")
            let screen = try await tmux.require("END")
            #expect(screen.contains("EXIT=0"), "screen:\n\(screen)")
            #expect(screen.contains("Synchronizer created successfully"))
            for secret in [Self.key, "hunter22", "first-try", "mistyped"] { #expect(!screen.contains(secret), "\(secret) shown on screen") }

            let config = try JSONDecoder().decode(SynchronizerConfig.self, from: Data(contentsOf: URL(fileURLWithPath: home.locations.synchronizerConfigFile)))
            #expect(config.userName == "lab-node-1")
            #expect(config.wallet == Self.wallet)
            #expect(config.dashboardPassword == "hunter22")
            #expect(!screen.contains(config.key), "the synq key was shown unmasked")
            let created = try #require(try await sandbox.enterprise().listSynchronizers().synchronizers.first { $0.id == config.synchronizerId })
            #expect(created.key == config.key && created.name == "lab-node-1")
            #expect(try await sandbox.enterprise().listSynchronizers().synchronizers.count == before + 1)
            #expect(SecureFile.mode(of: home.locations.synchronizerConfigFile) == 0o600)
        }
    }

    @Test("Ctrl-C at a masked prompt exits 130 and leaves echo and line mode on")
    func ctrlCRestoresTerminal() async throws {
        let home = try ScratchHome()
        let tmux = try await Tmux(command: command("login"), environment: environment(home), width: 120, height: 40)
        try await tmux.require("Enterprise API key:")
        try await tmux.type("abc")
        try await tmux.require("•••")
        try await tmux.send("C-c")
        let screen = try await tmux.require("END")
        #expect(screen.contains("EXIT=130"), "screen:\n\(screen)")
        let modes = Set(screen.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init))
        #expect(modes.contains("echo") && modes.contains("icanon") && modes.contains("isig"), "terminal left as: \(screen)")
        #expect(!modes.contains("-echo") && !modes.contains("-icanon"))
        #expect(!FileManager.default.fileExists(atPath: home.locations.credentialsFile))
    }

    /// The prompt's restore is the full screen's (one set of handlers in CNcurses): every signal
    /// that ends synq gives echo back, not only the four a prompt-only guard once knew.
    @Test("any signal that ends synq while echo is off restores the terminal and exits 128+signal",
          arguments: [SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGABRT, SIGSEGV])
    func otherSignalsRestoreTerminal(signal: Int32) async throws {
        let home = try ScratchHome()
        let command = "\(SynqBinary.url.path) login & echo \"PID=$!\"; wait $!; echo \"EXIT=$?\"; stty -a | tr '\\n' ' '; echo; echo END; sleep 60"
        let tmux = try await Tmux(command: command, environment: environment(home), width: 120, height: 40)
        let prompt = try await tmux.require("Enterprise API key:")
        let pidText = try #require(prompt.split(separator: "\n").first { $0.hasPrefix("PID=") }?.dropFirst(4))
        let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespaces)))
        try await tmux.type("abc")
        try await tmux.require("•••")
        kill(pid, signal)
        let screen = try await tmux.require("END")
        #expect(screen.contains("EXIT=\(128 + signal)"), "screen:\n\(screen)")
        let modes = Set(screen.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init))
        #expect(modes.contains("echo") && modes.contains("icanon"), "terminal left as: \(screen)")
        #expect(!modes.contains("-echo") && !modes.contains("-icanon"))
    }

    @Test("login through the masked prompt stores the key and never shows it")
    func maskedLogin() async throws {
        let home = try ScratchHome()
        let tmux = try await Tmux(command: command("login synvo"), environment: environment(home), width: 120, height: 40)
        try await tmux.require("Synvo API key:")
        try await tmux.type("sk_live_typo")
        try await tmux.send("BSpace", "BSpace", "BSpace", "BSpace")
        try await tmux.type("real")
        try await tmux.send("Enter")
        let screen = try await tmux.require("END")
        #expect(screen.contains("EXIT=0"), "screen:\n\(screen)")
        #expect(!screen.contains("sk_live_real"))
        let set = try CredentialStore(locations: home.locations).load(passphrase: nil)
        #expect(try set.profile().synvoKey == Secret("sk_live_real"))
    }

    @Test("setup without a terminal refuses politely and points to provision")
    func noTerminal() async throws {
        let home = try ScratchHome()
        let result = try await Detached.run(["setup"], environment: environment(home))
        #expect(result.status == 64)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stderr.contains("synq provision"))
        #expect(home.ourFiles().isEmpty)
    }
}
