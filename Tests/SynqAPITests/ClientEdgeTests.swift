import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// What the clients refuse before sending, and how failures without an answer read.
@Suite(.timeLimit(.minutes(1)))
struct ClientEdgeTests {
    static let emptyList = #"{"success":true,"synchronizers":[]}"#

    private func enterprise(_ url: String) throws -> EnterpriseClient {
        EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: url), apiKey: Secret(SandboxCredentials.demoEnterpriseKey),
                         transport: AsyncHTTPClientTransport(timeout: 5, proxies: .none))
    }

    @Test(arguments: ["..", ".", "", "a\nb", "é", "%2e%2e", String(repeating: "a", count: 129)])
    func anIDThatWouldChangeThePathIsNeverSent(id: String) async throws {
        let server = try HostileServer { _ in .json(200, "{}") }
        let error = await failure { try await enterprise(server.origin + "/api").setSynchronizer(id: id, enabled: true) }
        guard case .invalidID(.enterprise, _) = error else {
            Issue.record("expected invalidID, got \(String(describing: error))")
            return
        }
        #expect(server.requests.isEmpty, "sent \(server.requests.map { "\($0.method) \($0.target)" })")
    }

    @Test func anIDWithSlashesStaysOneSegment() async throws {
        let server = try HostileServer { _ in .json(404, #"{"success":false,"message":"Synchronizer not found"}"#) }
        let error = await failure { try await enterprise(server.origin + "/api").setSynchronizer(id: "a/../../b?c#d", enabled: true) }
        #expect(error == .notFound(.enterprise, message: "Synchronizer not found"))
        #expect(server.requests.map(\.target) == ["/api/synq-keys/enterprise/synchronizer/a%2F..%2F..%2Fb%3Fc%23d/toggle"])
    }

    @Test func anUpperCaseSchemeIsTheSameURL() async throws {
        try await withSandbox(.forTesting(fleetSize: 2)) { sandbox in
            let endpoint = try ServiceEndpoint(.enterprise, url: "HTTP://127.0.0.1:\(sandbox.port)/api/")
            #expect(endpoint.baseURL.absoluteString == "http://127.0.0.1:\(sandbox.port)/api")
            #expect(try await enterprise("HTTP://127.0.0.1:\(sandbox.port)/api").listSynchronizers().synchronizers.count == 2)
        }
    }

    @Test func anIPv6LoopbackURLWorks() async throws {
        let server = try HostileServer(ipv6: true) { _ in .json(200, Self.emptyList) }
        let endpoint = try ServiceEndpoint(.enterprise, url: "http://[::1]:\(server.port)/api")
        #expect(endpoint.baseURL.absoluteString == "http://[::1]:\(server.port)/api")
        #expect(try await enterprise("http://[::1]:\(server.port)/api").listSynchronizers().synchronizers.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test(arguments: ["https://user:pw@startsynqing.com/api", "https://startsynqing.com/api?x=1", "https://startsynqing.com/api#f",
                      "https://[nothex::zz]/api", "ftp://startsynqing.com/api"])
    func baseURLsThatCannotTakeAPathAreRefusedUpFront(url: String) {
        #expect(throws: APIError.self) { try ServiceEndpoint(.enterprise, url: url) }
    }

    @Test func aTLSFailureSaysTLS() async throws {
        // A plain-HTTP server where TLS is expected.
        let server = try HostileServer.answeringAnything()
        let error = await failure { try await enterprise("https://127.0.0.1:\(server.port)/api").listSynchronizers() }
        guard case .transport(.enterprise, .tls(let endpoint, _)) = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(endpoint == "127.0.0.1:\(server.port)")
        #expect(error.map { "\($0)" }?.contains("TLS handshake with 127.0.0.1:\(server.port) failed") == true)
    }

    @Test func aRefusedConnectionNamesHostAndPort() async throws {
        let server = try HostileServer { _ in .json(200, "{}") }
        server.stop()
        let started = ContinuousClock.now
        let error = await failure { try await enterprise(server.origin + "/api").listSynchronizers() }
        #expect(error == .transport(.enterprise, .refused("127.0.0.1:\(server.port)")))
        #expect(error.map { "\($0)" } == "Enterprise API: connection refused by 127.0.0.1:\(server.port)")
        #expect(ContinuousClock.now - started < .seconds(2), "fails at once, not at the deadline")
    }

    @Test func aNotFoundWithoutAPIInTheBaseURLSaysSo() async throws {
        try await withSandbox(.forTesting(fleetSize: 1)) { sandbox in
            let error = await failure { try await enterprise("http://127.0.0.1:\(sandbox.port)").listSynchronizers() }
            guard case .notFound(.enterprise, let message) = error else {
                Issue.record("expected not found, got \(String(describing: error))")
                return
            }
            #expect(message.contains("probably lacks /api"))
            // With /api, a real "not found" stays as the server said it.
            let missing = await failure { try await enterprise(sandbox.enterpriseURL.absoluteString).setSynchronizer(id: "no-such-id", enabled: true) }
            guard case .notFound(.enterprise, let plain) = missing else {
                Issue.record("expected not found, got \(String(describing: missing))")
                return
            }
            #expect(!plain.contains("/api"))
        }
    }
}
