import Foundation
import SynqText

/// A validated base URL for one service. Plain `http` is accepted only for loopback
/// hosts unless `allowInsecure` is set, because the API key travels in a header.
public struct ServiceEndpoint: Sendable, Hashable {
    public let service: Service
    public let baseURL: URL

    public static let defaultEnterpriseURL = "https://startsynqing.com/api"
    public static let defaultSynvoURL = "https://api.synvo.ai"

    /// Parses and checks `text`, then rebuilds the URL from the parts it checked (scheme in
    /// lower case, an IPv6 host in brackets, no trailing `/`), so what is validated is
    /// exactly what is requested: `HTTP://` and `http://[::1]` work instead of failing later.
    /// A user, password, query or fragment in a base URL is refused: requests append paths.
    public init(_ service: Service, url text: String, allowInsecure: Bool = false) throws(APIError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let invalid = APIError.invalidURL(service, Sanitizer.clean(String(trimmed.prefix(200))))
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(),
              let rawHost = components.host, !rawHost.isEmpty,
              components.user == nil, components.password == nil, components.query == nil, components.fragment == nil
        else { throw invalid }
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if host.contains(":") && IPAddressBytes.parse(host) == nil { throw invalid }
        switch scheme {
        case "https":
            break
        case "http":
            if !Self.isLoopback(host) && !allowInsecure { throw .insecureURL(service, host: Sanitizer.clean(host)) }
        default:
            throw invalid
        }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let authority = (host.contains(":") ? "[\(host)]" : host) + (components.port.map { ":\($0)" } ?? "")
        guard let url = URL(string: "\(scheme)://\(authority)\(path)") else { throw invalid }
        self.service = service
        self.baseURL = url
    }

    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare.hasSuffix(".localhost") { return true }
        let parts = bare.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `baseURL` + `path`, where `path` starts with `/` and its segments are already escaped.
    public func url(_ path: String) -> URL {
        URL(string: baseURL.absoluteString + path) ?? baseURL
    }

    /// Escapes an opaque id for use as one path segment (RFC 3986 unreserved ASCII kept).
    public static func pathSegment(_ id: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    }
}
