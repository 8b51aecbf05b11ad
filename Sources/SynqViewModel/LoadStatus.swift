import Foundation

/// How fresh one resource's data is, for the status bar and the pane.
public enum LoadStatus: Sendable, Hashable {
    /// Not requested yet (or its API is not configured).
    case neverLoaded
    /// The first request is out; nothing to show yet.
    case loading
    /// Good data from `at`; a refresh may be in flight.
    case loaded(at: Date)
    /// The last refresh failed. `lastGood` is when the shown data was fetched (nil if never).
    case stale(error: String, since: Date, lastGood: Date?)
}
