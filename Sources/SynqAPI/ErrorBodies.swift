import Foundation

/// Error body of the Enterprise API: `{"success": false, "message": "..."}`.
public struct EnterpriseErrorBody: Codable, Sendable, Equatable {
    public var success: Bool
    public var message: String
    public init(message: String) {
        self.success = false
        self.message = message
    }
}

/// Error codes the Synvo API documents in its `{error, code}` bodies.
public enum SynvoErrorCode: String, Codable, Sendable, Hashable, CaseIterable {
    case invalidAPIKey = "INVALID_API_KEY"
    case apiKeyRevoked = "API_KEY_REVOKED"
    case apiKeyExpired = "API_KEY_EXPIRED"
    case apiKeySuspended = "API_KEY_SUSPENDED"
    case rateLimited = "RATE_LIMITED"
    case badRequest = "BAD_REQUEST"
}

/// Error body of the Synvo API: `{"error": "...", "code": "..."}`.
public struct SynvoErrorBody: Codable, Sendable, Equatable {
    public var error: String
    public var code: String?
    public init(error: String, code: String?) {
        self.error = error
        self.code = code
    }
}
