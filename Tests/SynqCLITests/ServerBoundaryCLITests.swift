import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The headless commands against hostile servers: redirects, trickles, leaking create
/// answers, proxies; and nothing written under $HOME that synq never asked for.
@Suite(.timeLimit(.minutes(2)))
struct ServerBoundaryCLITests {
    static let keys = [SandboxCredentials.demoEnterpriseKey, SandboxCredentials.demoSynvoKey]

    private func environment(enterprise: String, synvo: String? = nil) -> [String: String] {
        ["ENTERPRISE_API_URL": enterprise, "SYNVO_BASE_URL": synvo ?? enterprise,
         "ENTERPRISE_API_KEY": SandboxCredentials.demoEnterpriseKey, "SYNVO_API_KEY": SandboxCredentials.demoSynvoKey]
    }

    private func expectOneLine(_ outcome: SynqBinary.Outcome, exit: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == exit, "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(outcome.stderr.hasPrefix("synq: ") && outcome.stderr.filter { $0 == "\n" }.count == 1, "\(outcome.stderr)", sourceLocation: sourceLocation)
        for key in Self.keys { #expect(!outcome.stderr.contains(key), sourceLocation: sourceLocation) }
    }

    @Test(arguments: [["synchronizers", "list"], ["synchronizers", "create", "--name", "moved"], ["keys", "list"], ["keys", "create"]])
    func aRedirectIsExit69AndTheKeyStaysHome(command: [String]) async throws {
        let elsewhere = try HostileServer { _ in .json(200, "{}") }
        let server = try HostileServer { request in
            .respond(status: request.method == "POST" ? 307 : 302, headers: ["Location": elsewhere.origin + request.target + "?sig=1"])
        }
        let outcome = try await SynqBinary.run(command, environment: environment(enterprise: server.origin + "/api", synvo: server.origin))
        expectOneLine(outcome, exit: 69)
        #expect(outcome.stderr.contains("redirected"))
        #expect(outcome.stderr.contains(elsewhere.origin))
        #expect(!outcome.stderr.contains("sig=1"))
        #expect(elsewhere.requests.isEmpty, "followed to \(elsewhere.requests.map(\.target))")
        #expect(server.requests.count == 1)
    }

    @Test func aTricklingListEndsAtTimeout() async throws {
        // Spaces (allowed before a JSON document): the list, parsed as it arrives, waits for more.
        let server = try HostileServer { _ in
            .trickle(status: 200, headers: ["Content-Type": "application/json"], length: 1_000, interval: .seconds(2), byte: UInt8(ascii: " "))
        }
        let started = ContinuousClock.now
        let outcome = try await SynqBinary.run(["synchronizers", "list", "--timeout", "3"], environment: environment(enterprise: server.origin + "/api"),
                                               timeout: .seconds(30))
        let elapsed = ContinuousClock.now - started
        expectOneLine(outcome, exit: 74)
        #expect(outcome.stderr.contains("timed out"))
        #expect(elapsed < .seconds(6), "took \(elapsed)")
    }

    @Test func aKeyCreateAnswerThatCannotBeReadNeverShowsTheKey() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.faults = [FaultRule(route: "POST /user/api_keys/create", kind: .wrongType, field: "key_id")]
        try await withSandbox(configuration) { sandbox in
            let outcome = try await SynqBinary.run(["keys", "create", "--name", "leak"], environment: sandbox.environment())
            expectOneLine(outcome, exit: 65)
            #expect(outcome.stderr.range(of: "sk_[a-z]+_[A-Za-z0-9]{6,}", options: .regularExpression) == nil, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("not shown"))
        }
    }

    @Test func aSynchronizerCreateAnswerThatIsCutNeverShowsItsKey() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.faults = [FaultRule(route: "POST /api/synq-keys/enterprise/synchronizer", kind: .truncated)]
        try await withSandbox(configuration) { sandbox in
            let outcome = try await SynqBinary.run(["synchronizers", "create", "--name", "cut-answer"], environment: sandbox.environment())
            expectOneLine(outcome, exit: 65)
            let created = try #require(try await sandbox.enterprise().listSynchronizers().synchronizers.first { $0.name == "cut-answer" })
            let key = created.key
            #expect(!outcome.stderr.contains(String(key.prefix(8))), "\(outcome.stderr)")
        }
    }

    @Test func otherExcerptsRedactCredentialShapes() async throws {
        let body = #"{"synchronizers":[{"id":"s1","key":"c2ef1e74-94c4-589e-b66g-b7d513f85296","secret":"hunter2hunter2"}"#
        let server = try HostileServer { _ in .json(200, body) }
        let outcome = try await SynqBinary.run(["synchronizers", "list"], environment: environment(enterprise: server.origin + "/api"))
        expectOneLine(outcome, exit: 65)
        #expect(!outcome.stderr.contains("c2ef1e74") && !outcome.stderr.contains("hunter2"), "\(outcome.stderr)")
    }

    @Test func theProxyVariablesAreHonoured() async throws {
        let proxy = try LoopbackProxy()
        try await withSandbox(.forTesting(fleetSize: 2)) { sandbox in
            var env = sandbox.environment()
            env["http_proxy"] = proxy.url
            let outcome = try await SynqBinary.run(["synchronizers", "list", "--json"], environment: env)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(proxy.requests.map { "\($0.method) \($0.target)" } == ["CONNECT 127.0.0.1:\(sandbox.port)"])
            env["NO_PROXY"] = "127.0.0.1"
            _ = try await SynqBinary.run(["synchronizers", "list", "--json"], environment: env)
            #expect(proxy.requests.count == 1, "NO_PROXY host went through the proxy")
        }
    }

    @Test func commandsLeaveNothingUnderHome() async throws {
        try await withSandbox(.forTesting(fleetSize: 2)) { sandbox in
            let scratch = try TemporaryDirectory()
            let home = scratch.path("home")
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            var env = sandbox.environment()
            env["HOME"] = home
            env["XDG_CONFIG_HOME"] = scratch.path("xdg")
            for command in [["synchronizers", "list"], ["synchronizers", "list", "--json"], ["preferences"], ["keys", "list"],
                            ["synchronizers", "create", "--name", "home-check"], ["keys", "create", "--name", "home-check"],
                            ["provision", "--dry-run", "--action", "none"], ["provision", "--dry-run", "--action", "service"]] {
                let outcome = try await SynqBinary.run(command, environment: env)
                #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
            }
            let left = FileManager.default.subpaths(atPath: home) ?? []
            #expect(left.isEmpty, "left under HOME: \(left)")
            #expect(!FileManager.default.fileExists(atPath: scratch.path("xdg")), "created XDG_CONFIG_HOME")
        }
    }
}
