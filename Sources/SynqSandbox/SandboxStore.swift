import Foundation
import GRDB
import SynqAPI

/// An Enterprise API account as the sandbox knows it.
struct EnterpriseAccount: Sendable, Equatable {
    var id: String
    var isEnterprise: Bool
}

/// The Synvo key a request presented, with what the store knows of it.
struct PresentedSynvoKey: Sendable, Equatable {
    var keyID: String
    var userID: String
    var status: String
}

/// Outcome of a toggle, so the route can answer 404 and 403 as documented.
enum ToggleOutcome: Sendable {
    case notFound
    case forbidden
    case updated(Synchronizer)
}

/// Every query the routes need, over GRDB records. The writer is a `DatabasePool` for a file
/// (reads run concurrently, beside one writer) or a `DatabaseQueue` in memory; GRDB
/// serialises the writes either way, so the store needs no locks of its own.
struct SandboxStore: Sendable {
    let writer: any DatabaseWriter

    // MARK: Enterprise

    func enterpriseAccount(apiKey: String) async throws -> EnterpriseAccount? {
        try await writer.read { db in
            try AccountRecord.filter(AccountRecord.Columns.apiKey == apiKey).fetchOne(db)
                .map { EnterpriseAccount(id: $0.id, isEnterprise: $0.isEnterprise) }
        }
    }

    /// One page of an account's synchronizers in list order, those after `seq` (0 for the
    /// first page), as the list's JSON bytes written from SQLite's rows: the list is
    /// streamed a page at a time, each page its own short read.
    func synchronizerListPage(accountID: String, after seq: Int64, limit: Int, leadingComma: Bool) async throws -> SynchronizerListPage {
        try await writer.read { db in
            try SynchronizerListPage.read(db, accountID: accountID, after: seq, limit: limit, leadingComma: leadingComma)
        }
    }

    func createSynchronizer(accountID: String, name: String, now: Date) async throws -> Synchronizer {
        let record = SynchronizerRecord(
            id: UUID().uuidString.lowercased(), accountId: accountID, key: UUID().uuidString.lowercased(), name: name,
            isEnabled: true, createdAt: now.timeIntervalSince1970
        )
        try await writer.write { db in try record.insert(db) }
        return record.synchronizer
    }

    func setEnabled(_ enabled: Bool, id: String, accountID: String) async throws -> ToggleOutcome {
        try await writer.write { db in
            guard var record = try SynchronizerRecord.filter(SynchronizerRecord.Columns.id == id).fetchOne(db) else { return .notFound }
            guard record.accountId == accountID else { return .forbidden }
            record.isEnabled = enabled
            try record.update(db, columns: [SynchronizerRecord.Columns.isEnabled])
            // The documented toggle answer carries id, key, name and isEnabled.
            return .updated(Synchronizer(id: record.id, key: record.key, name: record.name, isEnabled: enabled))
        }
    }

    func preferences(accountID: String) async throws -> PreferencesResponse? {
        try await writer.read { db in try AccountRecord.fetchOne(db, key: accountID)?.preferences }
    }

    func synchronizerCount(accountID: String? = nil) async throws -> Int {
        try await writer.read { db in
            guard let accountID else { return try SynchronizerRecord.fetchCount(db) }
            return try SynchronizerRecord.filter(SynchronizerRecord.Columns.accountId == accountID).fetchCount(db)
        }
    }

    // MARK: Synvo

    func synvoKey(secret: String) async throws -> PresentedSynvoKey? {
        try await writer.read { db in
            try SynvoKeyRecord.filter(SynvoKeyRecord.Columns.secret == KeyDigest.hex(secret)).fetchOne(db)
                .map { PresentedSynvoKey(keyID: $0.keyId, userID: $0.userId, status: $0.status) }
        }
    }

    func touch(keyID: String, at date: Date) async throws {
        _ = try await writer.write { db in
            try SynvoKeyRecord.filter(SynvoKeyRecord.Columns.keyId == keyID)
                .updateAll(db, SynvoKeyRecord.Columns.lastUsedAt.set(to: date.timeIntervalSince1970))
        }
    }

    func synvoKeys(userID: String) async throws -> [ListedSynvoKey] {
        try await writer.read { db in
            try SynvoKeyRecord.filter(SynvoKeyRecord.Columns.userId == userID).order(SynvoKeyRecord.Columns.seq).fetchAll(db).map(\.listed)
        }
    }

    /// Stores a new key's id, prefix and digest; the caller hands the plaintext to the
    /// client once and forgets it.
    func createSynvoKey(userID: String, name: String?, keyID: String, secret: String, now: Date) async throws {
        let record = SynvoKeyRecord(
            keyId: keyID, userId: userID, name: name, status: "ACTIVE", createdAt: now.timeIntervalSince1970,
            lastUsedAt: nil, secret: KeyDigest.hex(secret), prefix: String(secret.prefix(12))
        )
        try await writer.write { db in try record.insert(db) }
    }
}
