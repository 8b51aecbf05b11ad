import AsyncHTTPClient
import NIOConcurrencyHelpers
import NIOCore

/// One async-http-client per route (direct, or each proxy), made on first use and kept for
/// the life of the process, like `HTTPClient.shared`: its connection pool is what lets
/// polls reuse a connection, and a client that lives as long as the process never needs a
/// shutdown (which a per-transport client would, in every place a transport is dropped).
///
/// Per-request settings (deadline, cap) live in `AsyncHTTPClientTransport`; what is the
/// same for every request is here: no redirects, no decompression, no connection retries.
enum SharedHTTPClients {
    private static let clients = NIOLockedValueBox<[ProxyRoute: HTTPClient]>([:])

    static func client(for route: ProxyRoute) -> HTTPClient {
        clients.withLockedValue { clients in
            if let client = clients[route] { return client }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration(route))
            clients[route] = client
            return client
        }
    }

    static func configuration(_ route: ProxyRoute) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            // The transport's own deadline covers connecting too; these only must not be shorter.
            timeout: .init(connect: .seconds(600), read: nil),
            proxy: proxy(route),
            decompression: .disabled
        )
        // Fail a refused connection at once instead of retrying it until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    private static func proxy(_ route: ProxyRoute) -> HTTPClient.Configuration.Proxy? {
        switch route {
        case .direct:
            return nil
        case .http(let host, let port, let user, let password):
            let authorization = user.map { HTTPClient.Authorization.basic(username: $0, password: password?.reveal() ?? "") }
            return .server(host: host, port: port, authorization: authorization)
        case .socks5(let host, let port):
            return .socksServer(host: host, port: port)
        }
    }
}
