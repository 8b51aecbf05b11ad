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

/// Every query the routes need, over GRDB's `DatabaseQueue` (which serialises access, so
/// the store needs no locks of its own).
struct SandboxStore: Sendable {
    let queue: DatabaseQueue

    // MARK: Enterprise

    func enterpriseAccount(apiKey: String) async throws -> EnterpriseAccount? {
        try await queue.read { db in
            try Row.fetchOne(db, sql: "SELECT id, is_enterprise FROM account WHERE api_key = ?", arguments: [apiKey])
                .map { EnterpriseAccount(id: $0[0], isEnterprise: $0[1]) }
        }
    }

    func synchronizers(accountID: String) async throws -> [Synchronizer] {
        try await queue.read { db in
            var result: [Synchronizer] = []
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT id, key, name, is_enabled, created_at FROM synchronizer WHERE account_id = ? ORDER BY seq",
                arguments: [accountID]
            )
            while let row = try rows.next() {
                result.append(Synchronizer(
                    id: row[0], key: row[1], name: row[2], isEnabled: row[3],
                    createdAt: Date(timeIntervalSince1970: row[4])
                ))
            }
            return result
        }
    }

    func createSynchronizer(accountID: String, name: String, now: Date) async throws -> Synchronizer {
        let synchronizer = Synchronizer(
            id: UUID().uuidString.lowercased(), key: UUID().uuidString.lowercased(), name: name,
            isEnabled: true, createdAt: now
        )
        try await queue.write { db in
            try db.execute(
                sql: "INSERT INTO synchronizer (id, account_id, key, name, is_enabled, created_at) VALUES (?, ?, ?, ?, 1, ?)",
                arguments: [synchronizer.id, accountID, synchronizer.key, name, now.timeIntervalSince1970]
            )
        }
        return synchronizer
    }

    func setEnabled(_ enabled: Bool, id: String, accountID: String) async throws -> ToggleOutcome {
        try await queue.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT account_id, key, name FROM synchronizer WHERE id = ?", arguments: [id]
            ) else { return .notFound }
            let owner: String = row[0]
            guard owner == accountID else { return .forbidden }
            try db.execute(sql: "UPDATE synchronizer SET is_enabled = ? WHERE id = ?", arguments: [enabled, id])
            return .updated(Synchronizer(id: id, key: row[1], name: row[2], isEnabled: enabled))
        }
    }

    func preferences(accountID: String) async throws -> PreferencesResponse? {
        try await queue.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: "SELECT wallet_address, dashboard_password, default_action, web, owner_wallet FROM account WHERE id = ?",
                arguments: [accountID]
            ) else { return nil }
            let action: String? = row[2]
            let preferences = Preferences(
                walletAddress: row[0], dashboardPassword: row[1],
                defaultAction: action.map(DefaultAction.init(rawValue:)), web: row[3]
            )
            let ownerWallet: String? = row[4]
            return PreferencesResponse(
                message: "Preferences retrieved successfully", preferences: preferences,
                owner: PreferencesOwner(walletAddress: ownerWallet)
            )
        }
    }

    func synchronizerCount(accountID: String? = nil) async throws -> Int {
        try await queue.read { db in
            if let accountID {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM synchronizer WHERE account_id = ?", arguments: [accountID]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM synchronizer") ?? 0
        }
    }

    // MARK: Synvo

    func synvoKey(secret: String) async throws -> PresentedSynvoKey? {
        try await queue.read { db in
            try Row.fetchOne(db, sql: "SELECT key_id, user_id, status FROM synvo_key WHERE secret = ?", arguments: [KeyDigest.hex(secret)])
                .map { PresentedSynvoKey(keyID: $0[0], userID: $0[1], status: $0[2]) }
        }
    }

    func touch(keyID: String, at date: Date) async throws {
        try await queue.write { db in
            try db.execute(sql: "UPDATE synvo_key SET last_used_at = ? WHERE key_id = ?", arguments: [date.timeIntervalSince1970, keyID])
        }
    }

    func synvoKeys(userID: String) async throws -> [ListedSynvoKey] {
        try await queue.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT key_id, name, status, created_at, last_used_at FROM synvo_key WHERE user_id = ? ORDER BY seq",
                arguments: [userID]
            ).map { row in
                let status: String = row[2]
                let lastUsed: Double? = row[4]
                let key = SynvoKey(
                    keyID: row[0], name: row[1], status: SynvoKeyStatus(rawValue: status) ?? .unknown,
                    createdAt: Date(timeIntervalSince1970: row[3]), lastUsedAt: lastUsed.map(Date.init(timeIntervalSince1970:))
                )
                return ListedSynvoKey(key: key, rawStatus: status)
            }
        }
    }

    /// Stores a new key's id, prefix and digest; the caller hands the plaintext to the
    /// client once and forgets it.
    func createSynvoKey(userID: String, name: String?, keyID: String, secret: String, now: Date) async throws {
        try await queue.write { db in
            try db.execute(
                sql: "INSERT INTO synvo_key (key_id, user_id, name, status, created_at, last_used_at, secret, prefix) VALUES (?, ?, ?, 'ACTIVE', ?, NULL, ?, ?)",
                arguments: [keyID, userID, name, now.timeIntervalSince1970, KeyDigest.hex(secret), String(secret.prefix(12))]
            )
        }
    }
}
