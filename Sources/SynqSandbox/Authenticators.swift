import Foundation
import Hummingbird
import HummingbirdAuth
import SynqAPI

/// Finds the enterprise account behind `X-Enterprise-API-Key` for every Enterprise route; a
/// missing or unknown key, or an account that is not enterprise, is answered 401 with the
/// API's own body before any route runs.
struct EnterpriseAuthenticator: AuthenticatorMiddleware {
    typealias Context = EnterpriseRequestContext
    let store: SandboxStore

    func authenticate(request: Request, context: Context) async throws -> EnterpriseAccount? {
        guard let key = request.headers[.enterpriseAPIKey], !key.isEmpty,
              let account = try await store.enterpriseAccount(apiKey: key), account.isEnterprise
        else { throw APIRejection.enterprise(.unauthorized, DocumentedErrors.unauthorized) }
        return account
    }
}

/// Checks the `X-API-Key` of every Synvo route: an ACTIVE key is let through (and its last
/// use recorded); any other answers 401 with the code its status documents.
struct SynvoAuthenticator: AuthenticatorMiddleware {
    typealias Context = SynvoRequestContext
    let store: SandboxStore
    let now: @Sendable () -> Date

    func authenticate(request: Request, context: Context) async throws -> PresentedSynvoKey? {
        guard let secret = request.headers[.synvoAPIKey], !secret.isEmpty,
              let key = try await store.synvoKey(secret: secret)
        else { throw APIRejection.synvo(.unauthorized, DocumentedErrors.invalidKey, .invalidAPIKey) }
        switch key.status {
        case "ACTIVE":
            try await store.touch(keyID: key.keyID, at: now())
            return key
        case "REVOKED": throw APIRejection.synvo(.unauthorized, DocumentedErrors.revoked, .apiKeyRevoked)
        // Stored only with --undocumented-statuses (the error codes themselves are documented).
        case "EXPIRED": throw APIRejection.synvo(.unauthorized, DocumentedErrors.expired, .apiKeyExpired)
        case "DISABLED", "SUSPENDED": throw APIRejection.synvo(.unauthorized, DocumentedErrors.suspended, .apiKeySuspended)
        default: throw APIRejection.synvo(.unauthorized, DocumentedErrors.invalidKey, .invalidAPIKey)
        }
    }
}

/// A request refused with the API's own error body: `{success:false,message}` for the
/// Enterprise API, `{error,code}` for Synvo.
enum APIRejection: HTTPResponseError {
    case enterprise(HTTPStatus, String)
    case synvo(HTTPStatus, String, SynvoErrorCode?)

    var status: HTTPStatus {
        switch self {
        case .enterprise(let status, _), .synvo(let status, _, _): status
        }
    }

    var response: Response {
        switch self {
        case .enterprise(let status, let message): JSONResponses.enterpriseError(status, message)
        case .synvo(let status, let message, let code): JSONResponses.synvoError(status, message, code: code?.rawValue)
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response { response }
}
