import Foundation

/// Poll bookkeeping for one resource: freshness, the request in flight, the next poll
/// and the failure streak that drives back-off.
public struct ResourceState: Sendable, Hashable {
    /// When good data last arrived.
    public internal(set) var loadedAt: Date?
    /// A request for this resource is out; a poll never overlaps it.
    public internal(set) var inFlight: Bool = false
    /// When the last request for it was sent.
    public internal(set) var lastAttempt: Date?
    /// When the next poll is due; nil when not scheduled (hidden pane, unconfigured API).
    public internal(set) var nextPoll: Date?
    /// Consecutive failures; 0 after a success.
    public internal(set) var failures: Int = 0
    /// The current failure, kept until a refresh succeeds.
    public internal(set) var failure: LoadFailure?

    public init() {}

    public var status: LoadStatus {
        if let failure { return .stale(error: failure.message, since: failure.since, lastGood: loadedAt) }
        if let loadedAt { return .loaded(at: loadedAt) }
        return inFlight ? .loading : .neverLoaded
    }

    /// True when data is shown but the last refresh failed.
    public var isStale: Bool { failure != nil && loadedAt != nil }
}
