import Foundation

/// Status of a Synvo API key. Anything the server sends outside the documented
/// three becomes `.unknown`, as the API documents.
public enum SynvoKeyStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case active = "ACTIVE"
    case revoked = "REVOKED"
    case disabled = "DISABLED"
    case unknown = "UNKNOWN"

    public init(from decoder: any Decoder) throws {
        let raw = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
        self = SynvoKeyStatus(rawValue: raw.uppercased()) ?? .unknown
    }
}

/// One Synvo API key as listed by `GET /user/api_keys/list`. The plaintext key is never
/// part of it: only `key_id`.
public struct SynvoKey: Codable, Sendable, Hashable, Identifiable {
    public var keyID: String
    public var name: String?
    public var status: SynvoKeyStatus
    public var createdAt: Date?
    public var lastUsedAt: Date?

    public var id: String { keyID }

    public init(keyID: String, name: String? = nil, status: SynvoKeyStatus, createdAt: Date? = nil, lastUsedAt: Date? = nil) {
        self.keyID = keyID
        self.name = name
        self.status = status
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    enum CodingKeys: String, CodingKey {
        case keyID = "key_id"
        case name, status
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyID = try container.decode(String.self, forKey: .keyID)
        name = try? container.decodeIfPresent(String.self, forKey: .name)
        status = (try? container.decodeIfPresent(SynvoKeyStatus.self, forKey: .status)) ?? .unknown
        createdAt = try? container.decodeIfPresent(Date.self, forKey: .createdAt)
        lastUsedAt = try? container.decodeIfPresent(Date.self, forKey: .lastUsedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(keyID, forKey: .keyID)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(lastUsedAt, forKey: .lastUsedAt)
    }
}

/// Response of `GET /user/api_keys/list`.
public struct SynvoKeyList: Codable, Sendable, Equatable {
    public var success: Bool
    public var items: [SynvoKey]
    /// Entries dropped because they could not be read at all (no `key_id`).
    public var skipped: Int

    public init(success: Bool = true, items: [SynvoKey], skipped: Int = 0) {
        self.success = success
        self.items = items
        self.skipped = skipped
    }

    enum CodingKeys: String, CodingKey { case success, items }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decodeIfPresent(Bool.self, forKey: .success) ?? true
        let lossy = try container.decode(LossyArray<SynvoKey>.self, forKey: .items)
        items = lossy.elements
        skipped = lossy.skipped
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
        try container.encode(items, forKey: .items)
    }
}

/// Response of `POST /user/api_keys/create`. `apiKey` is the plaintext key, shown once.
public struct CreatedSynvoKey: Codable, Sendable, Equatable {
    public var success: Bool
    public var keyID: String
    public var apiKey: Secret

    public init(success: Bool = true, keyID: String, apiKey: Secret) {
        self.success = success
        self.keyID = keyID
        self.apiKey = apiKey
    }

    enum CodingKeys: String, CodingKey {
        case success
        case keyID = "key_id"
        case apiKey = "api_key"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decodeIfPresent(Bool.self, forKey: .success) ?? true
        keyID = try container.decode(String.self, forKey: .keyID)
        apiKey = Secret(try container.decode(String.self, forKey: .apiKey))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
        try container.encode(keyID, forKey: .keyID)
        try container.encode(apiKey.reveal(), forKey: .apiKey)
    }
}
