import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The curl proxy variables, through a real loopback proxy.
@Suite(.timeLimit(.minutes(1)))
struct ProxyTests {
    private func enterprise(_ sandbox: RunningSandbox, environment: [String: String]) throws -> EnterpriseClient {
        EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: sandbox.enterpriseURL.absoluteString), apiKey: Secret(SandboxCredentials.demoEnterpriseKey),
                         transport: AsyncHTTPClientTransport(timeout: 10, proxies: ProxySettings(environment: environment)))
    }

    /// A port nothing listens on.
    private func deadPort() throws -> Int {
        let server = try HostileServer { _ in .json(200, "{}") }
        server.stop()
        return server.port
    }

    @Test func plainHTTPGoesThroughTheHTTPProxysTunnel() async throws {
        // async-http-client tunnels plain http through CONNECT as well: the proxy carries
        // bytes and never reads the request (nor its key).
        let proxy = try LoopbackProxy()
        try await withSandbox(.forTesting(fleetSize: 3)) { sandbox in
            let list = try await enterprise(sandbox, environment: ["HTTP_PROXY": proxy.url]).listSynchronizers()
            #expect(list.synchronizers.count == 3)
            #expect(proxy.requests.map { "\($0.method) \($0.target)" } == ["CONNECT 127.0.0.1:\(sandbox.port)"])
        }
    }

    @Test func theLowerCaseNameWinsAndAllProxyIsTheFallback() async throws {
        let lower = try LoopbackProxy()
        let all = try LoopbackProxy()
        let dead = try deadPort()
        try await withSandbox(.forTesting(fleetSize: 1)) { sandbox in
            _ = try await enterprise(sandbox, environment: ["http_proxy": lower.url, "HTTP_PROXY": "http://127.0.0.1:\(dead)"]).preferences()
            _ = try await enterprise(sandbox, environment: ["ALL_PROXY": all.url]).preferences()
            #expect(lower.requests.count == 1)
            #expect(all.requests.count == 1)
        }
    }

    @Test(arguments: ["127.0.0.1", "localhost,127.0.0.1", "*", "10.0.0.0/8, 127.0.0.0/8", " .example.com,127.0.0.1:9999"])
    func noProxyHostsGoStraight(noProxy: String) async throws {
        let proxy = try LoopbackProxy()
        try await withSandbox(.forTesting(fleetSize: 1)) { sandbox in
            _ = try await enterprise(sandbox, environment: ["http_proxy": proxy.url, "NO_PROXY": noProxy]).preferences()
            #expect(proxy.requests.isEmpty)
        }
    }

    @Test func httpsGoesThroughATunnelAndTheKeyNeverCrossesTheProxyInClear() async throws {
        let proxy = try LoopbackProxy()
        // Plain HTTP where TLS is expected: the tunnel is made, then the handshake fails.
        let server = try HostileServer.answeringAnything()
        let client = EnterpriseClient(
            endpoint: try ServiceEndpoint(.enterprise, url: "https://127.0.0.1:\(server.port)/api"), apiKey: Secret(SandboxCredentials.demoEnterpriseKey),
            transport: AsyncHTTPClientTransport(timeout: 10, proxies: ProxySettings(environment: ["HTTPS_PROXY": proxy.url, "http_proxy": "http://127.0.0.1:1"])))
        let error = await failure { try await client.listSynchronizers() }
        guard case .transport(.enterprise, .tls(let endpoint, _)) = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(endpoint == "127.0.0.1:\(server.port)")
        #expect(proxy.requests.map(\.method) == ["CONNECT"])
        #expect(proxy.requests.first?.target == "127.0.0.1:\(server.port)")
        #expect(server.requests.allSatisfy { $0.headers["x-enterprise-api-key"] == nil })
    }

    @Test func proxyCredentialsComeFromTheURL() async throws {
        let proxy = try LoopbackProxy()
        try await withSandbox(.forTesting(fleetSize: 1)) { sandbox in
            _ = try await enterprise(sandbox, environment: ["http_proxy": "http://ops:pa%40ss@127.0.0.1:\(proxy.port)"]).preferences()
            #expect(proxy.requests.first?.proxyAuthorization == "Basic " + Data("ops:pa@ss".utf8).base64EncodedString())
        }
    }

    @Test func aProxyThatIsDownIsNamedAndNotBypassed() async throws {
        let dead = try deadPort()
        try await withSandbox(.forTesting(fleetSize: 1)) { sandbox in
            let error = await failure { try await enterprise(sandbox, environment: ["HTTP_PROXY": "127.0.0.1:\(dead)"]).preferences() }
            #expect(error == .transport(.enterprise, .refused("proxy 127.0.0.1:\(dead)")))
        }
    }

    @Test func anUnusableProxyIsAnErrorThatDoesNotQuoteIt() async throws {
        try await withSandbox(.forTesting(fleetSize: 1)) { sandbox in
            let error = await failure { try await enterprise(sandbox, environment: ["http_proxy": "https://user:hunter2@proxy.example:3128"]).preferences() }
            guard case .transport(.enterprise, .proxy(let text)) = error else {
                Issue.record("expected a proxy error, got \(String(describing: error))")
                return
            }
            #expect(text.hasPrefix("http_proxy "))
            #expect(!text.contains("hunter2"))
        }
    }

    @Test func noProxyMatchesLikeCurl() {
        let settings = ProxySettings(environment: ["https_proxy": "http://proxy.corp:3128",
                                                   "no_proxy": "example.com, .internal.corp,192.168.0.0/16,::1,[fd00::1]"])
        func direct(_ url: String) -> Bool { (try? settings.route(for: URL(string: url)!)) == .direct }
        #expect(direct("https://example.com/api"))
        #expect(direct("https://api.EXAMPLE.com/api"))
        #expect(!direct("https://notexample.com/api"))
        #expect(direct("https://internal.corp/"))
        #expect(direct("https://a.b.internal.corp/"))
        #expect(direct("https://192.168.4.20:8443/"))
        #expect(!direct("https://192.169.0.1/"))
        #expect(direct("https://[::1]:9000/"))
        #expect(direct("https://[fd00::1]/"))
        #expect(!direct("https://[fd00::2]/"))
        #expect(!direct("https://startsynqing.com/api"))
        #expect((try? settings.route(for: URL(string: "https://startsynqing.com/api")!)) == .http(host: "proxy.corp", port: 3128, user: nil, password: nil))
        #expect((try? settings.route(for: URL(string: "http://startsynqing.com/api")!)) == .direct, "https_proxy is for https only")
        #expect((try? ProxySettings(environment: ["HTTPS_PROXY": "proxy.corp"]).route(for: URL(string: "https://a.example")!))
                == .http(host: "proxy.corp", port: 1080, user: nil, password: nil), "curl's scheme and port defaults")
        #expect((try? ProxySettings(environment: ["HTTPS_PROXY": "socks5h://127.0.0.1:9050"]).route(for: URL(string: "https://a.example")!))
                == .socks5(host: "127.0.0.1", port: 9050))
    }
}
