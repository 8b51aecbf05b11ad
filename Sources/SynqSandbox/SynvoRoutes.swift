import Foundation
import Hummingbird
import SynqAPI

/// The Synvo API keys API under `/user/api_keys`: list and create (form-urlencoded), with the
/// documented `{error, code}` bodies. A created key's plaintext is returned once; only its
/// digest is stored, so it authenticates but cannot be read back.
struct SynvoRoutes: Sendable {
    let store: SandboxStore
    let now: @Sendable () -> Date

    static let maxNameLength = 256
    static let maxBodyBytes = 16 * 1024

    func register(on group: RouterGroup<SandboxRequestContext>) {
        group.get("list") { request, _ in try await list(request) }
        group.post("create") { request, _ in try await create(request) }
    }

    /// The caller's key if it may be used, else the 401 to answer with.
    private func authenticate(_ request: Request) async throws -> Result<PresentedSynvoKey, Rejection> {
        guard let secret = request.headers[.synvoAPIKey], !secret.isEmpty,
              let key = try await store.synvoKey(secret: secret)
        else { return .failure(Rejection(DocumentedErrors.invalidKey, .invalidAPIKey)) }
        switch key.status {
        case "ACTIVE":
            try await store.touch(keyID: key.keyID, at: now())
            return .success(key)
        case "REVOKED": return .failure(Rejection(DocumentedErrors.revoked, .apiKeyRevoked))
        case "EXPIRED": return .failure(Rejection(DocumentedErrors.expired, .apiKeyExpired))
        case "DISABLED", "SUSPENDED": return .failure(Rejection(DocumentedErrors.suspended, .apiKeySuspended))
        default: return .failure(Rejection(DocumentedErrors.invalidKey, .invalidAPIKey))
        }
    }

    struct Rejection: Error {
        var message: String
        var code: SynvoErrorCode
        init(_ message: String, _ code: SynvoErrorCode) {
            self.message = message
            self.code = code
        }
        var response: Response { JSONResponses.synvoError(.unauthorized, message, code: code.rawValue) }
    }

    private func list(_ request: Request) async throws -> Response {
        let key: PresentedSynvoKey
        switch try await authenticate(request) {
        case .failure(let rejection): return rejection.response
        case .success(let found): key = found
        }
        return JSONResponses.make(ListedSynvoKeys(items: try await store.synvoKeys(userID: key.userID)))
    }

    private func create(_ request: Request) async throws -> Response {
        let key: PresentedSynvoKey
        switch try await authenticate(request) {
        case .failure(let rejection): return rejection.response
        case .success(let found): key = found
        }
        var request = request
        let name: String?
        switch await formName(&request) {
        case .failure(let problem):
            return JSONResponses.synvoError(.badRequest, problem.message, code: SynvoErrorCode.badRequest.rawValue)
        case .success(let value):
            name = value
        }
        var random = SystemRandomNumberGenerator()
        let keyID = "key_" + Self.randomAlphanumeric(10, using: &random)
        let plaintext = "sk_test_" + Self.randomAlphanumeric(40, using: &random)
        try await store.createSynvoKey(userID: key.userID, name: name, keyID: keyID, secret: plaintext, now: now())
        return JSONResponses.make(CreatedSynvoKey(keyID: keyID, apiKey: Secret(plaintext)))
    }

    struct BadForm: Error { var message: String }

    /// The optional `name` of an `application/x-www-form-urlencoded` body; an empty value
    /// means no name.
    private func formName(_ request: inout Request) async -> Result<String?, BadForm> {
        guard let buffer = try? await request.collectBody(upTo: Self.maxBodyBytes) else {
            return .failure(BadForm(message: "Request body is too large"))
        }
        let body = Data(buffer: buffer)
        if body.isEmpty { return .success(nil) }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            return .failure(BadForm(message: "Content-Type must be application/x-www-form-urlencoded"))
        }
        guard let text = String(data: body, encoding: .utf8) else {
            return .failure(BadForm(message: "Body is not valid UTF-8"))
        }
        var name: String?
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let field = Self.formDecode(parts[0]), let value = Self.formDecode(parts.count > 1 ? parts[1] : "") else {
                return .failure(BadForm(message: "Body is not valid form encoding"))
            }
            if field == "name" { name = value }
        }
        if let value = name {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= Self.maxNameLength else {
                return .failure(BadForm(message: "name must be at most \(Self.maxNameLength) characters"))
            }
            name = trimmed.isEmpty ? nil : trimmed
        }
        return .success(name)
    }

    private static func formDecode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func randomAlphanumeric(_ count: Int, using random: inout SystemRandomNumberGenerator) -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<count).map { _ in characters.randomElement(using: &random)! })
    }
}
