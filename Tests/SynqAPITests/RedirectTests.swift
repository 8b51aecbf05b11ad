import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// A 3xx is never followed: the API key must not reach wherever a server points, and a
/// create must not be sent a second time to another origin.
@Suite(.timeLimit(.minutes(1)))
struct RedirectTests {
    /// The server a redirect points to; it records whatever reaches it.
    private func elsewhere() throws -> HostileServer {
        try HostileServer { _ in .json(200, #"{"success":true,"synchronizers":[]}"#) }
    }

    /// A server that redirects every request to `target` with `status`.
    private func redirector(to target: String, status: Int = 302) throws -> HostileServer {
        try HostileServer { _ in .respond(status: status, headers: ["Location": target]) }
    }

    private func enterprise(_ server: HostileServer) throws -> EnterpriseClient {
        EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: server.origin + "/api"),
                         apiKey: Secret(SandboxCredentials.demoEnterpriseKey), transport: AsyncHTTPClientTransport(timeout: 5, proxies: .none))
    }

    private func synvo(_ server: HostileServer) throws -> SynvoClient {
        SynvoClient(endpoint: try ServiceEndpoint(.synvo, url: server.origin),
                    apiKey: Secret(SandboxCredentials.demoSynvoKey), transport: AsyncHTTPClientTransport(timeout: 5, proxies: .none))
    }

    private func expectNothingReached(_ target: HostileServer, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(target.requests.isEmpty, "the redirect was followed", sourceLocation: sourceLocation)
        for request in target.requests {
            #expect(request.headers["x-enterprise-api-key"] == nil && request.headers["x-api-key"] == nil,
                    "an API key reached another origin", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [301, 302, 303, 307, 308])
    func aGetIsNotFollowedAndNamesWhereItPointed(status: Int) async throws {
        let target = try elsewhere()
        let server = try redirector(to: target.origin + "/api/steal?token=abc#frag", status: status)
        let error = await failure { try await enterprise(server).listSynchronizers() }
        #expect(error == .transport(.enterprise, .redirected(status: status, location: target.origin + "/api/steal?…")))
        expectNothingReached(target)
        #expect(server.requests.count == 1)
    }

    @Test func aCreateIsNotFollowed() async throws {
        let target = try elsewhere()
        let server = try redirector(to: target.origin + "/api/synq-keys/enterprise/synchronizer", status: 307)
        let error = await failure { try await enterprise(server).createSynchronizer(name: "moved") }
        #expect(error == .transport(.enterprise, .redirected(status: 307, location: target.origin + "/api/synq-keys/enterprise/synchronizer")))
        expectNothingReached(target)
        #expect(server.requests.count == 1, "sent exactly once")
    }

    @Test func synvoRequestsAreNotFollowed() async throws {
        let target = try elsewhere()
        let server = try redirector(to: target.origin + "/user/api_keys/list", status: 308)
        let list = await failure { try await synvo(server).listKeys() }
        #expect(list == .transport(.synvo, .redirected(status: 308, location: target.origin + "/user/api_keys/list")))
        let create = await failure { try await synvo(server).createKey(name: "moved") }
        #expect(create == .transport(.synvo, .redirected(status: 308, location: target.origin + "/user/api_keys/list")))
        expectNothingReached(target)
    }

    @Test func aLocationWithCredentialsIsSanitized() async throws {
        let server = try redirector(to: "https://user:hunter2@evil.example:8443/x/\(SandboxCredentials.demoEnterpriseKey)?k=v")
        let error = await failure { try await enterprise(server).listSynchronizers() }
        guard case .transport(.enterprise, .redirected(302, let location?)) = error else {
            Issue.record("expected a redirect error, got \(String(describing: error))")
            return
        }
        #expect(!location.contains("hunter2") && !location.contains("user"))
        #expect(!location.contains(SandboxCredentials.demoEnterpriseKey))
        #expect(location.hasPrefix("https://evil.example:8443/x/"))
        #expect(error.map { "\($0)" }?.contains("never follows redirects") == true)
    }

    @Test func aRelativeLocationIsResolvedAgainstTheRequest() async throws {
        let server = try redirector(to: "/elsewhere")
        let error = await failure { try await enterprise(server).preferences() }
        #expect(error == .transport(.enterprise, .redirected(status: 302, location: server.origin + "/elsewhere")))
    }
}
