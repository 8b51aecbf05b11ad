import Foundation
import Hummingbird
import SynqAPI

/// The Enterprise API under `/api/synq-keys/enterprise`: create, list, toggle, preferences,
/// with the documented status codes and `{success, message}` error bodies.
struct EnterpriseRoutes: Sendable {
    let store: SandboxStore
    let now: @Sendable () -> Date

    static let maxNameLength = 256
    static let maxBodyBytes = 64 * 1024

    func register(on group: RouterGroup<SandboxRequestContext>) {
        group.post("synchronizer") { request, _ in try await create(request) }
        group.get("synchronizers") { request, _ in try await list(request) }
        group.put("synchronizer/:id/toggle") { request, context in try await toggle(request, context: context) }
        group.get("preferences") { request, _ in try await preferences(request) }
    }

    /// The enterprise account behind the request's key; `nil` (answer 401) for a missing or
    /// unknown key and for an account that is not enterprise.
    private func account(_ request: Request) async throws -> EnterpriseAccount? {
        guard let key = request.headers[.enterpriseAPIKey], !key.isEmpty,
              let account = try await store.enterpriseAccount(apiKey: key), account.isEnterprise
        else { return nil }
        return account
    }

    private var unauthorized: Response { JSONResponses.enterpriseError(.unauthorized, DocumentedErrors.unauthorized) }

    private func list(_ request: Request) async throws -> Response {
        guard let account = try await account(request) else { return unauthorized }
        let synchronizers = try await store.synchronizers(accountID: account.id)
        return JSONResponses.make(SynchronizerList(synchronizers: synchronizers))
    }

    private func create(_ request: Request) async throws -> Response {
        guard let account = try await account(request) else { return unauthorized }
        var request = request
        guard let body = try? await request.collectBody(upTo: Self.maxBodyBytes),
              let decoded = try? JSONCoding.decoder().decode(CreateSynchronizerRequest.self, from: Data(buffer: body))
        else { return JSONResponses.enterpriseError(.badRequest, DocumentedErrors.nameRequired) }
        let name = decoded.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return JSONResponses.enterpriseError(.badRequest, DocumentedErrors.nameRequired) }
        guard name.count <= Self.maxNameLength else {
            return JSONResponses.enterpriseError(.badRequest, "Synchronizer name must be at most \(Self.maxNameLength) characters")
        }
        var created = try await store.createSynchronizer(accountID: account.id, name: name, now: now())
        // The documented create response carries id, key and name only.
        created.isEnabled = nil
        created.createdAt = nil
        return JSONResponses.make(
            SynchronizerResult(message: "Successfully generated synchronizer", synchronizer: created),
            status: .created
        )
    }

    private func toggle(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        guard let account = try await account(request) else { return unauthorized }
        let id = context.parameters.get("id") ?? ""
        var request = request
        guard let body = try? await request.collectBody(upTo: Self.maxBodyBytes),
              let decoded = try? JSONCoding.decoder().decode(ToggleSynchronizerRequest.self, from: Data(buffer: body))
        else { return JSONResponses.enterpriseError(.badRequest, "isEnabled must be a boolean") }
        switch try await store.setEnabled(decoded.isEnabled, id: id, accountID: account.id) {
        case .notFound:
            return JSONResponses.enterpriseError(.notFound, DocumentedErrors.notFound)
        case .forbidden:
            return JSONResponses.enterpriseError(.forbidden, DocumentedErrors.forbidden)
        case .updated(let synchronizer):
            let message = decoded.isEnabled ? "Synchronizer enabled successfully" : "Synchronizer disabled successfully"
            return JSONResponses.make(SynchronizerResult(message: message, synchronizer: synchronizer))
        }
    }

    private func preferences(_ request: Request) async throws -> Response {
        guard let account = try await account(request) else { return unauthorized }
        guard let response = try await store.preferences(accountID: account.id) else {
            return JSONResponses.enterpriseError(.unauthorized, DocumentedErrors.unauthorized)
        }
        return JSONResponses.make(response)
    }
}
