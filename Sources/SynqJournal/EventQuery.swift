import Foundation

/// Which events to read back (`synq events`, the Events pane, an item's history).
public struct EventQuery: Sendable, Hashable {
    public var since: Date?
    public var profile: String?
    public var resources: Set<JournalResource>
    public var itemID: String?
    /// The newest `limit` events (still returned oldest first); nil for all.
    public var limit: Int?
    /// Only events written up to this row of the file (`Journal.history`: what was there
    /// when it opened, so nothing is read back that also arrives as `.recorded`).
    var throughSequence: Int64?

    public init(since: Date? = nil, profile: String? = nil, resources: Set<JournalResource> = [], itemID: String? = nil, limit: Int? = nil) {
        self.since = since
        self.profile = profile
        self.resources = resources
        self.itemID = itemID
        self.limit = limit
    }
}
