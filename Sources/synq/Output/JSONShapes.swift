import Foundation
import SynqAPI

// The `--json` shapes of the headless commands. They are documented in the README and
// kept stable for scripts: every key is always present (null when unknown), keys sorted.

struct SynchronizerJSON: Encodable, Sendable {
    var synchronizer: Synchronizer

    enum CodingKeys: String, CodingKey { case id, name, key, isEnabled, createdAt }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(synchronizer.id, forKey: .id)
        try container.encode(synchronizer.name, forKey: .name)
        try container.encode(synchronizer.key, forKey: .key)
        try container.encode(synchronizer.isEnabled, forKey: .isEnabled)
        try container.encode(synchronizer.createdAt, forKey: .createdAt)
    }
}

struct SynchronizerResultJSON: Encodable {
    var message: String
    var synchronizer: SynchronizerJSON
}

struct PreferencesJSON: Encodable {
    var response: PreferencesResponse

    enum CodingKeys: String, CodingKey { case walletAddress, dashboardPassword, defaultAction, web, ownerWalletAddress }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let preferences = response.preferences
        try container.encode(preferences.walletAddress, forKey: .walletAddress)
        // The server masks it already; we never print more than a mask either way.
        try container.encode(preferences.dashboardPassword.map { _ in "********" }, forKey: .dashboardPassword)
        try container.encode(preferences.defaultAction?.rawValue, forKey: .defaultAction)
        try container.encode(preferences.web, forKey: .web)
        try container.encode(response.owner?.walletAddress, forKey: .ownerWalletAddress)
    }
}

struct SynvoKeyJSON: Encodable {
    var key: SynvoKey

    enum CodingKeys: String, CodingKey { case keyId, name, status, createdAt, lastUsedAt }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key.keyID, forKey: .keyId)
        try container.encode(key.name, forKey: .name)
        try container.encode(key.status.rawValue, forKey: .status)
        try container.encode(key.createdAt, forKey: .createdAt)
        try container.encode(key.lastUsedAt, forKey: .lastUsedAt)
    }
}

struct RateLimitJSON: Encodable {
    var limit: Int
    var remaining: Int
    var reset: Date

    init(_ rateLimit: RateLimit) {
        limit = rateLimit.limit
        remaining = rateLimit.remaining
        reset = rateLimit.reset
    }
}

struct SynvoKeyListJSON: Encodable {
    var keys: [SynvoKeyJSON]
    var skipped: Int
    var rateLimit: RateLimitJSON?

    enum CodingKeys: String, CodingKey { case keys, skipped, rateLimit }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(keys, forKey: .keys)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(rateLimit, forKey: .rateLimit)
    }
}

struct CreatedKeyJSON: Encodable {
    var keyId: String
    /// The plaintext key, or null when it was saved to `savedTo` instead.
    var apiKey: String?
    var savedTo: String?

    enum CodingKeys: String, CodingKey { case keyId, apiKey, savedTo }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(keyId, forKey: .keyId)
        try container.encode(apiKey, forKey: .apiKey)
        try container.encode(savedTo, forKey: .savedTo)
    }
}
