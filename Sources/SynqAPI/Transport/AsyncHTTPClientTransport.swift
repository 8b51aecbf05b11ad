import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The live transport, over swift-server's async-http-client (SwiftNIO): no disk cache, no
/// cookies, no redirects followed, one total deadline per request enforced here (the
/// client's own deadline stops at the response head), the size cap counted as bytes arrive,
/// and the curl proxy variables honoured.
///
/// A request is never sent twice: the client does not retry requests (only the setting up
/// of a connection is retried, and that is switched off so a refused connection fails at
/// once, naming the host and port).
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// Total time for one request: connect, send, headers and the whole body.
    public let timeout: Duration
    /// Most body bytes one answer may have.
    public let maxResponseBytes: Int
    /// Which proxy (if any) each URL goes through, from the environment by default.
    public let proxies: ProxySettings

    public static let defaultMaxResponseBytes = 512 * 1_048_576

    public init(timeout: TimeInterval = 15, maxResponseBytes: Int = defaultMaxResponseBytes,
                proxies: ProxySettings = ProxySettings(environment: ProcessInfo.processInfo.environment)) {
        self.timeout = .milliseconds(Int64((max(0, timeout) * 1000).rounded()))
        self.maxResponseBytes = maxResponseBytes
        self.proxies = proxies
    }

    public func stream<Result: Sendable>(
        _ request: HTTPRequest,
        _ consume: @escaping @Sendable (HTTPResponseHead, HTTPBodyStream) async throws -> Result
    ) async throws -> Result {
        let deadline = ContinuousClock.now + timeout
        let route = try proxies.route(for: request.url)
        let client = SharedHTTPClients.client(for: route)
        let prepared = Self.clientRequest(request)
        let target = TransportFailure.endpoint(of: request.url)
        let cap = maxResponseBytes
        let nioDeadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(timeout))

        return try await withThrowingTaskGroup(of: DeadlineRace<Result>.self) { group in
            group.addTask {
                let response: HTTPClientResponse
                do {
                    response = try await client.execute(prepared, deadline: nioDeadline)
                } catch {
                    throw TransportFailure(error, target: target, proxy: route)
                }
                let head = HTTPResponseHead(status: Int(response.status.code), headers: Self.headers(response.headers))
                if (300..<400).contains(head.status) {
                    throw TransportFailure.redirected(status: head.status, location: RedirectTarget.describe(head.header("Location"), from: request.url))
                }
                if let length = head.header("Content-Length").flatMap(Int.init), length > cap {
                    throw TransportFailure.responseTooLarge(limit: cap)
                }
                let body = HTTPBodyStream(response.body, cap: cap, target: target, proxy: route)
                return .finished(try await consume(head, body))
            }
            group.addTask {
                // Cancelled (and then ignored) when the request finishes first.
                try? await Task.sleep(until: deadline, clock: .continuous)
                return .deadlinePassed
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw TransportFailure.cancelled }
            switch first {
            case .finished(let result): return result
            case .deadlinePassed: throw Task.isCancelled ? TransportFailure.cancelled : TransportFailure.timeout
            }
        }
    }

    static func clientRequest(_ request: HTTPRequest) -> HTTPClientRequest {
        var prepared = HTTPClientRequest(url: request.url.absoluteString)
        prepared.method = HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers { prepared.headers.add(name: name, value: value) }
        if let body = request.body { prepared.body = .bytes(ByteBuffer(bytes: body)) }
        return prepared
    }

    static func headers(_ headers: HTTPHeaders) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in headers {
            if let existing = fields[name] { fields[name] = existing + ", " + value } else { fields[name] = value }
        }
        return fields
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Which came first: the request (with its consumer) or the deadline.
private enum DeadlineRace<Result: Sendable>: Sendable {
    case finished(Result)
    case deadlinePassed
}
