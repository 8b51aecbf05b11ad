import Foundation
import SynqText

extension TransportFailure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .timeout: "the request timed out"
        case .refused(let endpoint): "connection refused by \(endpoint)"
        case .hostNotFound(let host): "host \(host) not found"
        case .connectionLost: "the connection was lost"
        case .responseTooLarge(let limit): "the response exceeded \(Self.size(limit))"
        case .redirected(let status, let location):
            "the server redirected (HTTP \(status)) to \(location ?? "nowhere it named"); synq never follows redirects, so check the base URL"
        case .tls(let endpoint, let reason): "TLS handshake with \(endpoint) failed: \(reason)"
        case .proxy(let text): "proxy: \(text)"
        case .cancelled: "the request was cancelled"
        case .other(let text): text
        }
    }

    /// A cap in MiB, or in bytes when it is under one.
    private static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MiB" : "\(bytes) bytes"
    }
}

extension SynvoErrorCode: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidAPIKey: "the API key is invalid or not recognised"
        case .apiKeyRevoked: "the API key has been revoked"
        case .apiKeyExpired: "the API key has expired"
        case .apiKeySuspended: "the API key is suspended"
        case .rateLimited: "too many requests with this API key"
        case .badRequest: "bad request"
        }
    }
}

extension APIError: CustomStringConvertible, LocalizedError {
    public var description: String {
        let name = service.displayName
        switch self {
        case .unauthorized(_, let message, let code):
            if let code { return "\(name): unauthorized: \(code) (\(code.rawValue))" }
            return "\(name): unauthorized: \(message)"
        case .forbidden(_, let message):
            return "\(name): forbidden: \(message)"
        case .notFound(_, let message):
            return "\(name): not found: \(message)"
        case .badRequest(_, let message):
            return "\(name): bad request: \(message)"
        case .rateLimited(_, let resetAt, _):
            guard let resetAt else { return "\(name): rate limited; try again later" }
            let seconds = max(0, Int(resetAt.timeIntervalSinceNow.rounded(.up)))
            return "\(name): rate limited; the limit resets in \(RelativeTime.duration(seconds))"
        case .server(_, let status, let message):
            if let message, !message.isEmpty { return "\(name): server error \(status): \(message)" }
            return "\(name): server error \(status)"
        case .undecodable(_, let status, let excerpt):
            return "\(name): unreadable response (HTTP \(status)): \(excerpt)"
        case .transport(_, let failure):
            return "\(name): \(failure)"
        case .insecureURL(_, let host):
            return "\(name): refusing plain http to \(host); use https, or pass --insecure if you really mean it"
        case .invalidURL(_, let text):
            return "\(name): invalid base URL \"\(text)\""
        case .invalidID(_, let id):
            return "\(name): \"\(id)\" is not a synchronizer id (ids are 1 to 128 visible ASCII characters, no quotes, $, % or \\, not . or ..)"
        case .missingCredential(let service):
            let variable = service == .enterprise ? "ENTERPRISE_API_KEY" : "SYNVO_API_KEY"
            return "\(name): no API key; set \(variable) or pass --\(service.rawValue)-key-file"
        }
    }

    public var errorDescription: String? { description }
}
