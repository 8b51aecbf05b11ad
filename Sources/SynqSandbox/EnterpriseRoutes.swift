import Foundation
import Hummingbird
import HummingbirdAuth
import SynqAPI

/// The Enterprise API under `/api/synq-keys/enterprise`: create, list, toggle, preferences,
/// with the documented status codes and `{success, message}` error bodies. Every route runs
/// behind `EnterpriseAuthenticator`, so `context.requireIdentity()` is the caller's account.
struct EnterpriseRoutes: Sendable {
    let store: SandboxStore
    let now: @Sendable () -> Date

    static let maxNameLength = 256

    func register(on group: RouterGroup<EnterpriseRequestContext>) {
        group.post("synchronizer") { request, context in try await create(request, context: context) }
        group.get("synchronizers") { _, context in try list(context: context) }
        group.put("synchronizer/:id/toggle") { request, context in try await toggle(request, context: context) }
        group.get("preferences") { _, context in try await preferences(context: context) }
    }

    private func list(context: EnterpriseRequestContext) throws -> Response {
        let account = try context.requireIdentity()
        return SynchronizerListStream(store: store, accountID: account.id).response()
    }

    private func create(_ request: Request, context: EnterpriseRequestContext) async throws -> Response {
        let account = try context.requireIdentity()
        guard let decoded = try? await request.decode(as: CreateSynchronizerRequest.self, context: context) else {
            return JSONResponses.enterpriseError(.badRequest, DocumentedErrors.nameRequired)
        }
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

    private func toggle(_ request: Request, context: EnterpriseRequestContext) async throws -> Response {
        let account = try context.requireIdentity()
        let id = context.parameters.get("id") ?? ""
        guard let decoded = try? await request.decode(as: ToggleSynchronizerRequest.self, context: context) else {
            return JSONResponses.enterpriseError(.badRequest, "isEnabled must be a boolean")
        }
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

    private func preferences(context: EnterpriseRequestContext) async throws -> Response {
        let account = try context.requireIdentity()
        guard let response = try await store.preferences(accountID: account.id) else {
            return JSONResponses.enterpriseError(.unauthorized, DocumentedErrors.unauthorized)
        }
        return JSONResponses.make(response)
    }
}
