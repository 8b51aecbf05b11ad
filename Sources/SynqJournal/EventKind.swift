/// What happened to an item between two polls (or through synq's own action).
public enum EventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case appeared
    case disappeared
    case enabled
    case disabled
    case renamed
    case statusChanged = "status-changed"
    case lastUsed = "last-used"
    case preferenceChanged = "preference-changed"
}
