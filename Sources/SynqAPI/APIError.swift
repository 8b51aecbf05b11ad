import Foundation

/// Which remote API an error or a setting belongs to.
public enum Service: String, Sendable, Hashable, Codable, CaseIterable {
    case enterprise
    case synvo

    public var displayName: String {
        switch self {
        case .enterprise: "Enterprise API"
        case .synvo: "Synvo API"
        }
    }
}

/// Why a request never got a usable HTTP answer.
public enum TransportFailure: Error, Sendable, Hashable {
    /// The request's total deadline (connect, headers and body) passed.
    case timeout
    /// Nothing listens at `host:port` (the proxy's, when one is used).
    case refused(String)
    case hostNotFound(String)
    case connectionLost
    /// The body was going to pass the cap; reading stopped there.
    case responseTooLarge(limit: Int)
    /// A 3xx: never followed. `location` is where it pointed, without credentials, query or fragment.
    case redirected(status: Int, location: String?)
    /// The TLS handshake with `endpoint` (`host:port`) failed, and why.
    case tls(endpoint: String, reason: String)
    /// The configured proxy cannot be used, or would not carry the request.
    case proxy(String)
    /// The task that sent the request was cancelled.
    case cancelled
    case other(String)
}

/// Every way a call to either API can fail, in cases a caller can act on.
///
/// Descriptions are one line and never contain a credential: server-supplied text is
/// passed through `Redactor` and `Sanitizer` before it lands here.
public enum APIError: Error, Sendable, Hashable {
    /// 401. `code` is the Synvo error code when the server sent one.
    case unauthorized(Service, message: String, code: SynvoErrorCode?)
    /// 403, with the server's message.
    case forbidden(Service, message: String)
    /// 404, with the server's message.
    case notFound(Service, message: String)
    /// 400, with the server's message.
    case badRequest(Service, message: String)
    /// 429. `resetAt` comes from `X-RateLimit-Reset`.
    case rateLimited(Service, resetAt: Date?, rateLimit: RateLimit?)
    /// 5xx or any other status the API does not document.
    case server(Service, status: Int, message: String?)
    /// A 2xx (or error) body that could not be read; `excerpt` is a short, sanitised start of it.
    case undecodable(Service, status: Int, excerpt: String)
    /// No HTTP answer at all.
    case transport(Service, TransportFailure)
    /// The base URL is plain `http` to a host that is not loopback, and `--insecure` was not given.
    case insecureURL(Service, host: String)
    /// The base URL cannot be parsed or has no host.
    case invalidURL(Service, String)
    /// No credential is configured for the service.
    case missingCredential(Service)
    /// An id that cannot name one resource in a URL path (`..`, empty, control or non-ASCII characters).
    case invalidID(Service, String)

    public var service: Service {
        switch self {
        case .unauthorized(let s, _, _), .forbidden(let s, _), .notFound(let s, _), .badRequest(let s, _),
             .rateLimited(let s, _, _), .server(let s, _, _), .undecodable(let s, _, _), .transport(let s, _),
             .insecureURL(let s, _), .invalidURL(let s, _), .missingCredential(let s), .invalidID(let s, _):
            s
        }
    }
}
