import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
import SynqText
#endif

/// One HTTP exchange, in plain values, so clients can be tested over any transport.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST", put = "PUT" }
    public var method: Method
    public var url: URL
    public var headers: [String: String]
    public var body: Data?

    public init(method: Method, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP answer: status, headers (names as sent), body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends requests. The live implementation is `URLSessionTransport`.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse
}

/// The live transport over Foundation's URLSession (libcurl on Linux), with a timeout on
/// every request, no cookies, no cache and a cap on response size. A POST goes out on a new
/// connection of its own: libcurl silently resends a request whose kept-alive connection
/// closes before any answer, which could create a second synchronizer or key.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let configuration: URLSessionConfiguration
    private let maxResponseBytes: Int

    public init(timeout: TimeInterval = 15, maxResponseBytes: Int = 512 * 1_048_576) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout * 4, 60)
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        self.configuration = configuration
        self.session = URLSession(configuration: configuration)
        self.maxResponseBytes = maxResponseBytes
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        // Only a POST is not safe to repeat; it gets a one-request session, so no reused connection.
        let oneShot = request.method == .post
        let session = oneShot ? URLSession(configuration: configuration) : self.session
        defer { if oneShot { session.finishTasksAndInvalidate() } }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError {
            throw Self.failure(for: error, host: request.url.host ?? "")
        } catch {
            throw .other("request failed")
        }
        guard let http = response as? HTTPURLResponse else { throw .other("not an HTTP response") }
        if data.count > maxResponseBytes { throw .responseTooLarge(limit: maxResponseBytes) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    static func failure(for error: URLError, host: String) -> TransportFailure {
        switch error.code {
        case .timedOut: .timeout
        case .cannotConnectToHost: .refused
        case .cannotFindHost, .dnsLookupFailed: .hostNotFound(Sanitizer.clean(host))
        case .networkConnectionLost, .badServerResponse, .zeroByteResource: .connectionLost
        case .notConnectedToInternet: .other("no network")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            .other("TLS handshake failed")
        case .dataLengthExceedsMaximum: .responseTooLarge(limit: 0)
        default: .other("network error \(error.code.rawValue)")
        }
    }
}
