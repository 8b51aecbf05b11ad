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

    func register(on group: RouterGroup<SynvoRequestContext>) {
        group.get("list") { _, context in try await list(context: context) }
        group.post("create") { request, context in try await create(request, context: context) }
    }

    private func list(context: SynvoRequestContext) async throws -> Response {
        let key = try context.requireIdentity()
        return JSONResponses.make(ListedSynvoKeys(items: try await store.synvoKeys(userID: key.userID)))
    }

    /// The create form: an optional `name`; an empty value means no name.
    struct CreateForm: Decodable {
        var name: String?
    }

    private func create(_ request: Request, context: SynvoRequestContext) async throws -> Response {
        let key = try context.requireIdentity()
        let form: CreateForm
        do {
            form = try await request.decode(as: CreateForm.self, context: context)
        } catch {
            let message = switch (error as? HTTPError)?.status {
            case .contentTooLarge?: "Request body is too large"
            case .badRequest?: (error as? HTTPError)?.body ?? "Body is not valid form encoding"
            default: "Body is not valid form encoding"
            }
            return JSONResponses.synvoError(.badRequest, message, code: SynvoErrorCode.badRequest.rawValue)
        }
        let name = form.name?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.count > Self.maxNameLength {
            return JSONResponses.synvoError(.badRequest, "name must be at most \(Self.maxNameLength) characters", code: SynvoErrorCode.badRequest.rawValue)
        }
        var random = SystemRandomNumberGenerator()
        let keyID = "key_" + Self.randomAlphanumeric(10, using: &random)
        let plaintext = "sk_test_" + Self.randomAlphanumeric(40, using: &random)
        try await store.createSynvoKey(userID: key.userID, name: name?.isEmpty == false ? name : nil, keyID: keyID, secret: plaintext, now: now())
        return JSONResponses.make(CreatedSynvoKey(keyID: keyID, apiKey: Secret(plaintext)))
    }

    private static func randomAlphanumeric(_ count: Int, using random: inout SystemRandomNumberGenerator) -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<count).map { _ in characters.randomElement(using: &random)! })
    }
}
