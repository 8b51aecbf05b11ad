import Foundation
import GRDB
import Hummingbird
import SynqAPI

/// Control routes that change the fleet "behind the client's back", the way another admin,
/// the dashboard or the service itself would: rename or switch a synchronizer, change a
/// Synvo key's status or name, mark a key used. For tests of change tracking (the journal).
///
/// `PUT /__sandbox/synchronizers/:id` `{"name"?: String, "isEnabled"?: Bool}`
/// `PUT /__sandbox/synvo-keys/:keyID` `{"name"?: String, "status"?: String, "lastUsedAt"?: ISO 8601}`
struct OutsideChangeRoutes: Sendable {
    let store: SandboxStore

    struct SynchronizerChange: Decodable {
        var name: String?
        var isEnabled: Bool?
    }

    struct KeyChange: Decodable {
        var name: String?
        var status: String?
        var lastUsedAt: Date?
    }

    struct ChangedBody: Encodable { var changed: Bool }

    func register(on group: RouterGroup<SandboxRequestContext>) {
        group.put("synchronizers/:id") { request, context in
            guard let id = context.parameters.get("id"), let change: SynchronizerChange = try await Self.body(request) else {
                return JSONResponses.make(ControlRoutes.ErrorBody(error: "expected {\"name\"?:…, \"isEnabled\"?:…}"), status: .badRequest)
            }
            let changed = try await store.changeSynchronizer(id: id, name: change.name, isEnabled: change.isEnabled)
            return JSONResponses.make(ChangedBody(changed: changed), status: changed ? .ok : .notFound)
        }
        group.put("synvo-keys/:id") { request, context in
            guard let id = context.parameters.get("id"), let change: KeyChange = try await Self.body(request) else {
                return JSONResponses.make(ControlRoutes.ErrorBody(error: "expected {\"name\"?:…, \"status\"?:…, \"lastUsedAt\"?:…}"), status: .badRequest)
            }
            let changed = try await store.changeSynvoKey(keyID: id, name: change.name, status: change.status, lastUsedAt: change.lastUsedAt)
            return JSONResponses.make(ChangedBody(changed: changed), status: changed ? .ok : .notFound)
        }
    }

    private static func body<T: Decodable>(_ request: Request) async throws -> T? {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: 65_536) else { return nil }
        return try? JSONCoding.decoder().decode(T.self, from: Data(buffer: buffer))
    }
}

extension SandboxStore {
    /// Changes what is given; false when there is no such synchronizer.
    func changeSynchronizer(id: String, name: String?, isEnabled: Bool?) async throws -> Bool {
        try await writer.write { db in
            guard var record = try SynchronizerRecord.filter(SynchronizerRecord.Columns.id == id).fetchOne(db) else { return false }
            if let name { record.name = name }
            if let isEnabled { record.isEnabled = isEnabled }
            try record.update(db)
            return true
        }
    }

    /// Changes what is given; false when there is no such key.
    func changeSynvoKey(keyID: String, name: String?, status: String?, lastUsedAt: Date?) async throws -> Bool {
        try await writer.write { db in
            guard var record = try SynvoKeyRecord.filter(SynvoKeyRecord.Columns.keyId == keyID).fetchOne(db) else { return false }
            if let name { record.name = name }
            if let status { record.status = status }
            if let lastUsedAt { record.lastUsedAt = lastUsedAt.timeIntervalSince1970 }
            try record.update(db)
            return true
        }
    }
}
