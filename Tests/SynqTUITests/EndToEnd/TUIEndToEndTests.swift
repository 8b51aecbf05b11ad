import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The real `synq` binary in a real terminal (tmux) against a real sandbox over loopback.
/// Serialized: each test drives a whole program and two cores are shared with the build.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is missing; apt-get install tmux to run the terminal end-to-end tests"))
struct TUIEndToEndTests {
    /// A fresh sandbox and synq pointed at it through the environment.
    static func start(_ extra: [String] = [], width: Int = 80, height: Int = 24, bounded: Bool = true,
                      jobControl: Bool = false, unset: [String] = [], term: String? = nil,
                      extraEnvironment: [String: String] = [:]) async throws -> (RunningSandbox, TmuxHarness) {
        let sandbox = try await RunningSandbox.start(.forTesting())
        let variables = environment(sandbox).filter { !unset.contains($0.key) }.merging(extraEnvironment) { _, extra in extra }
        let harness = try await TmuxHarness(arguments: ["tui", "--refresh", "1"] + extra, environment: variables,
                                            width: width, height: height, term: term, bounded: bounded, jobControl: jobControl)
        return (sandbox, harness)
    }

    /// The keys and URLs that point synq at `sandbox`.
    static func environment(_ sandbox: RunningSandbox) -> [String: String] {
        [
            "ENTERPRISE_API_KEY": SandboxCredentials.demoEnterpriseKey,
            "ENTERPRISE_API_URL": sandbox.enterpriseURL.absoluteString,
            "SYNVO_API_KEY": SandboxCredentials.demoSynvoKey,
            "SYNVO_BASE_URL": sandbox.synvoURL.absoluteString,
        ]
    }

    /// Runs `body` with a fresh sandbox and synq session, and always tears both down.
    /// `term` replaces the TERM tmux gives the pane (tmux-256color).
    static func withTUI(_ extra: [String] = [], width: Int = 80, height: Int = 24, bounded: Bool = true, jobControl: Bool = false,
                        unset: [String] = [], term: String? = nil, extraEnvironment: [String: String] = [:],
                        _ body: @Sendable (RunningSandbox, TmuxHarness) async throws -> Void) async throws {
        let (sandbox, tmux) = try await start(extra, width: width, height: height, bounded: bounded, jobControl: jobControl, unset: unset,
                                              term: term, extraEnvironment: extraEnvironment)
        do {
            try await body(sandbox, tmux)
        } catch {
            await tmux.close()
            await sandbox.stop()
            throw error
        }
        await tmux.close()
        await sandbox.stop()
    }

    /// Filters the synchronizers pane to `name`, presses space and answers y: disables it
    /// the way a person would, checking each step.
    static func disable(_ name: String, in tmux: TmuxHarness, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await tmux.send("/")
        try await tmux.type(name)
        try await tmux.send("Enter")
        #expect(try await tmux.waitForScreen(containing: "Synchronizers (1/40)").ok, "filtered to the target", sourceLocation: sourceLocation)
        try await tmux.send("Space")
        let question = try await tmux.waitForScreen(containing: "Disable \"\(name)\"? (y/n)")
        #expect(question.ok, "disabling asks first:\n\(question.screen)", sourceLocation: sourceLocation)
        try await tmux.send("y")
        let done = try await tmux.waitForScreen(containing: "disabled successfully")
        #expect(done.ok, "server message shown:\n\(done.screen)", sourceLocation: sourceLocation)
    }

    static func enabledWithSimpleName(_ list: [Synchronizer]) -> Synchronizer? {
        list.first { $0.isEnabled == true && !$0.name.contains(" ") && $0.name.count < 28 }
    }

    static func isEnabled(_ list: [Synchronizer], id: String) -> Bool? {
        list.first { $0.id == id }?.isEnabled
    }

    static func named(_ keys: [SynvoKey], _ name: String) -> SynvoKey? {
        keys.first { $0.name == name }
    }

    static func enterprise(_ sandbox: RunningSandbox) throws -> EnterpriseClient {
        EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: sandbox.enterpriseURL.absoluteString),
                         apiKey: Secret(SandboxCredentials.demoEnterpriseKey))
    }

    static func synvo(_ sandbox: RunningSandbox) throws -> SynvoClient {
        SynvoClient(endpoint: try ServiceEndpoint(.synvo, url: sandbox.synvoURL.absoluteString),
                    apiKey: Secret(SandboxCredentials.demoSynvoKey))
    }

    @Test func switchesPanesAndQuitsLeavingTheTerminalSane() async throws {
        try await Self.withTUI { sandbox, tmux in
            let fleet = try await tmux.waitForScreen(containing: "Synchronizers (40)")
            #expect(fleet.ok, "fleet shown:\n\(fleet.screen)")
            try await tmux.send("2")
            let prefs = try await tmux.waitForScreen(containing: "Dashboard password")
            #expect(prefs.ok, "preferences shown:\n\(prefs.screen)")
            #expect(prefs.screen.contains("••••••••"))
            try await tmux.send("3")
            #expect(try await tmux.waitForScreen(containing: "Synvo keys (").ok)
            try await tmux.send("Tab")
            #expect(try await tmux.waitForScreen(containing: "Events (").ok, "Tab goes on to the Events pane")
            try await tmux.send("Tab")
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok, "Tab wraps to the first pane")
            try await tmux.send("?")
            #expect(try await tmux.waitForScreen(containing: "Help").ok)
            try await tmux.send("Escape")
            try await tmux.send("q")
            let status = try await tmux.exitStatus()
            #expect(status == 0)
            #expect(tmux.sttyBefore != nil && tmux.sttyBefore == tmux.sttyAfter, "terminal modes restored")
            let after = try await tmux.screen()
            #expect(!after.contains("Synchronizers ("), "the alternate screen is gone")
        }
    }

    @Test func togglingASynchronizerChangesTheServer() async throws {
        try await Self.withTUI { sandbox, tmux in
            let client = try Self.enterprise(sandbox)
            let list = try await client.listSynchronizers().synchronizers
            let target = try #require(Self.enabledWithSimpleName(list))
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
            try await Self.disable(target.name, in: tmux)
            let after = try await client.listSynchronizers().synchronizers
            #expect(Self.isEnabled(after, id: target.id) == false, "the sandbox has the synchronizer disabled")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
        }
    }

    @Test func creatingAKeyShowsTheOneTimeModal() async throws {
        try await Self.withTUI { sandbox, tmux in
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
            try await tmux.send("3")
            #expect(try await tmux.waitForScreen(containing: "Synvo keys (").ok)
            try await tmux.send("n")
            #expect(try await tmux.waitForScreen(containing: "New Synvo key name").ok)
            try await tmux.type("e2e robot")
            try await tmux.send("Enter")
            let modal = try await tmux.waitForScreen(containing: "Shown only once")
            #expect(modal.ok, "modal shown:\n\(modal.screen)")
            let keys = try await Self.synvo(sandbox).listKeys().value.items
            let created = try #require(Self.named(keys, "e2e robot"), "the sandbox has the new key")
            #expect(modal.screen.contains(created.keyID))
            #expect(!modal.screen.contains("sk_"), "the plaintext is masked until revealed")
            try await tmux.send("v")
            #expect(try await tmux.waitForScreen(containing: "sk_").ok, "v reveals the key")
            try await tmux.send("Enter")
            #expect(try await tmux.waitForScreen(containing: "anyway? (y/n)").ok, "closing an unsaved key asks")
            try await tmux.send("y")
            #expect(try await tmux.waitForScreen { !$0.contains("Shown only once") }.ok)
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
        }
    }

    @Test func resizingRelaysOutAndTooSmallSaysSo() async throws {
        try await Self.withTUI { sandbox, tmux in
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
            try await tmux.resize(width: 40, height: 10)
            // At 40 columns the tabs become bare numbers so the fleet (badge, profile, host) stays whole.
            let small = try await tmux.waitForScreen { $0.hasPrefix(" 1  2  3  4 ") && $0.contains("SANDBOX env · 127.0.0.1:") }
            #expect(small.ok, "narrow tabs at 40x10:\n\(small.screen)")
            #expect(small.screen.split(separator: "\n").allSatisfy { $0.count <= 40 })
            try await tmux.resize(width: 30, height: 8)
            #expect(try await tmux.waitForScreen(containing: "Terminal too small").ok)
            try await tmux.resize(width: 100, height: 30)
            let large = try await tmux.waitForScreen(containing: "3 Synvo keys   4 Events")
            #expect(large.ok)
            #expect(large.screen.split(separator: "\n").contains { $0.count > 90 }, "uses the new width")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
            #expect(TmuxHarness.modes(tmux.sttyBefore) == TmuxHarness.modes(tmux.sttyAfter), "modes restored (the size changed on purpose)")
        }
    }

    @Test func sigtermAndSighupRestoreTheTerminal() async throws {
        for signal in [SIGTERM, SIGHUP] {
            let (sandbox, tmux) = try await Self.start()
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
            let pid = try #require(tmux.pid)
            kill(pid, signal)
            let status = try await tmux.exitStatus()
            #expect(status == 128 + signal, "synq exited with 128 + signal \(signal)")
            #expect(tmux.sttyBefore == tmux.sttyAfter, "terminal modes restored after signal \(signal)")
            #expect(!(try await tmux.screen()).contains("Synchronizers ("))
            await tmux.close()
            await sandbox.stop()
        }
    }

    /// The key typed into the TUI's masked prompt goes through the binary's own factory
    /// (`TypedCredentialFactory`, with the endpoint the environment chose) to the server.
    @Test func aKeyTypedIntoThePromptLoadsTheFleet() async throws {
        try await Self.withTUI(unset: ["ENTERPRISE_API_KEY"]) { _, tmux in
            // Without an Enterprise key synq opens on the Synvo keys pane; the Enterprise pane
            // asks for its key when shown (Enter), never under keys typed for another pane.
            #expect(try await tmux.waitForScreen(containing: "Synvo keys (").ok)
            try await tmux.send("1")
            let asked = try await tmux.waitForScreen { $0.contains("Enterprise API key:") || $0.contains("Press Enter to type one") }
            #expect(asked.ok, "asks for the Enterprise key:\n\(asked.screen)")
            if !asked.screen.contains("Enterprise API key:") { try await tmux.send("Enter") }
            #expect(try await tmux.waitForScreen(containing: "Enterprise API key:").ok)
            try await tmux.type(SandboxCredentials.demoEnterpriseKey)
            try await tmux.send("Enter")
            try await tmux.send("1")
            let loaded = try await tmux.waitForScreen(containing: "Synchronizers (40)")
            #expect(loaded.ok, "the typed key loaded the fleet:\n\(loaded.screen)")
            #expect(!loaded.screen.contains(SandboxCredentials.demoEnterpriseKey), "the key is never shown")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
        }
    }

    /// `--readonly`: Space and n neither reach the server nor open a question or a prompt
    /// (what the flag promises), and help leaves the unbound keys out.
    @Test func readonlyUnbindsMutatingKeys() async throws {
        try await Self.withTUI(["--readonly"]) { sandbox, tmux in
            let enterprise = try sandbox.enterprise()
            let synvo = try sandbox.synvo()
            let fleetBefore = try await enterprise.listSynchronizers().synchronizers
            let keysBefore = try await synvo.listKeys().value.items
            try await sandbox.countRequests(on: "POST *")
            try await sandbox.countRequests(on: "PUT *")
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)
            #expect(try await tmux.waitForScreen(containing: "READ-ONLY").ok)
            // Every key that would change a server, each followed by what would confirm or
            // submit it; between them, the screen must show no question and no prompt.
            let attempts: [[String]] = [["Space"], ["y"], ["e"], ["d"], ["m"], ["*"], ["n"], ["Enter"]]
            for keys in attempts {
                for key in keys { try await tmux.send(key) }
                try await tmux.send("y")
                try await tmux.send("Escape")
                let screen = try await tmux.settledScreen()
                #expect(!screen.contains("(y/n)"), "no question after \(keys):\n\(screen)")
                #expect(!screen.contains("New synchronizer name"), "no prompt after \(keys):\n\(screen)")
            }
            try await tmux.send("3")
            #expect(try await tmux.waitForScreen(containing: "Synvo keys (").ok)
            try await tmux.send("n")
            try await tmux.send("Enter")
            let keysScreen = try await tmux.settledScreen()
            #expect(!keysScreen.contains("New Synvo key name") && !keysScreen.contains("Shown only once"), "\(keysScreen)")
            // Enter opened the row's detail view (read-only is fine): close it.
            try await tmux.send("Escape")
            // Keys are read in order: once help is up, every key above has been handled (had one
            // opened a question or a prompt, `?` would have gone to it and help would not show).
            try await tmux.send("?")
            let help = try await tmux.waitForScreen(containing: "Esc closes")
            #expect(help.ok, "help opens: no question or prompt took the key\n\(help.screen)")
            #expect(!help.screen.contains("Create a key"), "help leaves out unbound keys")
            try await tmux.send("Escape")
            let table = try await tmux.waitForScreen { !$0.contains("Esc closes") && $0.contains("READ-ONLY") }
            #expect(table.ok)
            #expect(!table.screen.contains("(y/n)") && !table.screen.contains("New synchronizer name"), "no question opened:\n\(table.screen)")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
            #expect(await sandbox.countedRequests(on: "POST *") == 0, "nothing created")
            #expect(await sandbox.countedRequests(on: "PUT *") == 0, "nothing toggled")
            let fleetAfter = try await enterprise.listSynchronizers().synchronizers
            #expect(fleetAfter.map(\.id) == fleetBefore.map(\.id) && fleetAfter.map(\.isEnabled) == fleetBefore.map(\.isEnabled))
            #expect(try await synvo.listKeys().value.items.count == keysBefore.count)
        }
    }
}

/// `synq` without a terminal does not draw.
@Suite struct NonTerminalTests {
    @Test func pipedOutputGetsAHint() async throws {
        let outcome = try await SynqBinary.run(["tui"], environment: ["ENTERPRISE_API_KEY": "x"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("headless commands"))
        #expect(outcome.stdout.isEmpty)
    }
}
