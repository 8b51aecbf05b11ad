import Foundation
import SynqText

/// A validated base URL for one service. Plain `http` is accepted only for loopback
/// hosts unless `allowInsecure` is set, because the API key travels in a header.
public struct ServiceEndpoint: Sendable, Hashable {
    public let service: Service
    public let baseURL: URL

    public static let defaultEnterpriseURL = "https://startsynqing.com/api"
    public static let defaultSynvoURL = "https://api.synvo.ai"

    public init(_ service: Service, url text: String, allowInsecure: Bool = false) throws(APIError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty,
              let url = components.url
        else { throw .invalidURL(service, Sanitizer.clean(String(trimmed.prefix(200)))) }
        switch scheme {
        case "https":
            break
        case "http":
            if !Self.isLoopback(host) && !allowInsecure { throw .insecureURL(service, host: Sanitizer.clean(host)) }
        default:
            throw .invalidURL(service, Sanitizer.clean(String(trimmed.prefix(200))))
        }
        self.service = service
        var path = url.absoluteString
        while path.hasSuffix("/") { path.removeLast() }
        self.baseURL = URL(string: path) ?? url
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

    /// Escapes an opaque id for use as one path segment.
    public static func pathSegment(_ id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    }
}
