import Foundation

/// One item of a polled list, reduced to what the journal compares: plain values, so the
/// diff does not depend on how the lists are stored elsewhere. Never holds a secret (a
/// synchronizer's synq key is not part of it).
public struct FleetRow: Sendable, Hashable {
    public var id: String
    public var name: String?
    /// A synchronizer's state; nil for Synvo keys and when the server did not say.
    public var enabled: Bool?
    /// A Synvo key's status (ACTIVE, REVOKED, …); nil for synchronizers.
    public var status: String?
    public var lastUsed: Date?

    public init(id: String, name: String?, enabled: Bool? = nil, status: String? = nil, lastUsed: Date? = nil) {
        self.id = id
        self.name = name
        self.enabled = enabled
        self.status = status
        self.lastUsed = lastUsed
    }
}
