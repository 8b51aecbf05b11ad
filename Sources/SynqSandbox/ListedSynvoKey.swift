import Foundation
import SynqAPI

/// A `SynvoKey` as the sandbox sends it: the client model, but with the status text exactly
/// as stored, because the sandbox must be able to send a status the API does not document
/// (which `SynvoKeyStatus` would fold into UNKNOWN before it reached the wire).
/// Field names follow `SynvoKey`'s documented JSON; the API tests decode this with the
/// client model, so the two cannot drift unnoticed.
struct ListedSynvoKey: Encodable, Sendable {
    var key: SynvoKey
    var rawStatus: String

    private enum CodingKeys: String, CodingKey {
        case keyID = "key_id", name, status, createdAt = "created_at", lastUsedAt = "last_used_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key.keyID, forKey: .keyID)
        try container.encode(key.name, forKey: .name)
        try container.encode(rawStatus, forKey: .status)
        try container.encode(key.createdAt, forKey: .createdAt)
        try container.encode(key.lastUsedAt, forKey: .lastUsedAt)
    }
}

/// `GET /user/api_keys/list` as the sandbox sends it (`SynvoKeyList`'s shape).
struct ListedSynvoKeys: Encodable, Sendable {
    var success = true
    var items: [ListedSynvoKey]
}
