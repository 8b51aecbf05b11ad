import Foundation
import GRDB
import SynqAPI

/// The sandbox's tables as GRDB records: columns by name, snake_case in SQL, camelCase here.
/// Dates are Unix seconds (REAL); the conversions to the API's models live on the records.
protocol SandboxRecord: Codable, FetchableRecord, PersistableRecord {}

extension SandboxRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// An Enterprise API account, with its preferences.
struct AccountRecord: SandboxRecord, Equatable {
    static let databaseTableName = "account"
    var id: String
    var name: String
    var apiKey: String
    var isEnterprise: Bool
    var walletAddress: String?
    var dashboardPassword: String?
    var defaultAction: String?
    var web: Bool?
    var ownerWallet: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let apiKey = Column("api_key")
    }

    var preferences: PreferencesResponse {
        PreferencesResponse(
            message: "Preferences retrieved successfully",
            preferences: Preferences(
                walletAddress: walletAddress, dashboardPassword: dashboardPassword,
                defaultAction: defaultAction.map(DefaultAction.init(rawValue:)), web: web
            ),
            owner: PreferencesOwner(walletAddress: ownerWallet)
        )
    }
}

/// A synchronizer; `seq` keeps the list in creation order without sorting on dates.
struct SynchronizerRecord: SandboxRecord, Equatable {
    static let databaseTableName = "synchronizer"
    var seq: Int64?
    var id: String
    var accountId: String
    var key: String
    var name: String
    var isEnabled: Bool
    var createdAt: Double

    enum Columns {
        static let seq = Column(CodingKeys.seq)
        static let id = Column(CodingKeys.id)
        static let accountId = Column("account_id")
        static let isEnabled = Column("is_enabled")
    }

    var synchronizer: Synchronizer {
        Synchronizer(id: id, key: key, name: name, isEnabled: isEnabled, createdAt: Date(timeIntervalSince1970: createdAt))
    }
}

/// A Synvo user (owner of keys).
struct SynvoUserRecord: SandboxRecord, Equatable {
    static let databaseTableName = "synvo_user"
    var id: String
    var name: String
}

/// A Synvo API key. `secret` is the SHA-256 of the key (`KeyDigest`): presented keys are
/// looked up by digest, and a key created through the API cannot be read back.
struct SynvoKeyRecord: SandboxRecord, Equatable {
    static let databaseTableName = "synvo_key"
    var seq: Int64?
    var keyId: String
    var userId: String
    var name: String?
    var status: String
    var createdAt: Double
    var lastUsedAt: Double?
    var secret: String?
    var prefix: String

    enum Columns {
        static let seq = Column(CodingKeys.seq)
        static let keyId = Column("key_id")
        static let userId = Column("user_id")
        static let secret = Column(CodingKeys.secret)
        static let lastUsedAt = Column("last_used_at")
    }

    /// As the list sends it: the status text exactly as stored.
    var listed: ListedSynvoKey {
        let key = SynvoKey(
            keyID: keyId, name: name, status: SynvoKeyStatus(rawValue: status) ?? .unknown,
            createdAt: Date(timeIntervalSince1970: createdAt), lastUsedAt: lastUsedAt.map(Date.init(timeIntervalSince1970:))
        )
        return ListedSynvoKey(key: key, rawStatus: status)
    }
}
