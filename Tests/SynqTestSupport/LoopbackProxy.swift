import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP proxy on loopback, as a corporate proxy would behave: `CONNECT host:port`
/// opens a tunnel, a request with an absolute URL (`GET http://host:port/path`) is forwarded
/// to that host in origin form. It only ever connects to loopback, and records the first
/// line and `Proxy-Authorization` of everything it was asked to carry.
public final class LoopbackProxy: Sendable {
    public struct Seen: Sendable {
        public var method: String
        public var target: String
        public var proxyAuthorization: String?
    }

    public let port: Int
    public var url: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let seen: Locked<[Seen]>

    public init() throws {
        let (listener, port) = try Socket.listen(ipv6: false)
        self.listener = listener
        self.port = port
        let seen = Locked<[Seen]>([])
        self.seen = seen
        Socket.acceptLoop(listener) { client in Self.carry(client, seen: seen) }
    }

    deinit { stop() }

    /// Stops listening; the accept thread closes the listener (see `Socket.acceptLoop`).
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// Everything the proxy was asked to carry, in order.
    public var requests: [Seen] { seen.withLock { $0 } }

    private static func carry(_ client: Int32, seen: Locked<[Seen]>) {
        var leftover = Data()
        guard let request = Socket.readRequest(client, leftover: &leftover) else {
            close(client)
            return
        }
        seen.withLock { $0.append(Seen(method: request.method, target: request.target, proxyAuthorization: request.headers["proxy-authorization"])) }
        if request.method == "CONNECT" {
            guard let (host, port) = hostPort(request.target), loopback.contains(host), let upstream = Socket.connect(host: host, port: port) else {
                Socket.write(client, Data("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".utf8))
                close(client)
                return
            }
            Socket.write(client, Data("HTTP/1.1 200 Connection Established\r\n\r\n".utf8))
            if !leftover.isEmpty { Socket.write(upstream, leftover) }
            pipe(client, upstream)
            return
        }
        guard let url = URLComponents(string: request.target), url.scheme == "http", let host = url.host, loopback.contains(host),
              let upstream = Socket.connect(host: host, port: url.port ?? 80)
        else {
            Socket.write(client, Data("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            close(client)
            return
        }
        var head = "\(request.method) \(url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath)\(url.percentEncodedQuery.map { "?" + $0 } ?? "") HTTP/1.1\r\n"
        for (name, value) in request.headers where name != "proxy-authorization" && name != "proxy-connection" {
            head += "\(name): \(value)\r\n"
        }
        Socket.write(upstream, Data((head + "\r\n").utf8) + request.body + leftover)
        pipe(client, upstream)
    }

    private static let loopback: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]

    /// Copies bytes both ways until either side closes, then closes both.
    private static func pipe(_ a: Int32, _ b: Int32) {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            while let data = Socket.read(b), Socket.write(a, data) {}
            shutdown(a, Int32(SHUT_WR))
            done.signal()
        }
        while let data = Socket.read(a), Socket.write(b, data) {}
        shutdown(b, Int32(SHUT_WR))
        done.wait()
        close(a)
        close(b)
    }

    private static func hostPort(_ target: String) -> (String, Int)? {
        guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) else { return nil }
        return (String(target[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port)
    }
}
