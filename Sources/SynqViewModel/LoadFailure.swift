import Foundation

/// A failed refresh: its one-line reason and when failures began.
public struct LoadFailure: Sendable, Hashable {
    public var message: String
    /// When the first of the current run of failures happened.
    public var since: Date
    /// True when the failure was a 429.
    public var isRateLimited: Bool

    public init(message: String, since: Date, isRateLimited: Bool = false) {
        self.message = message
        self.since = since
        self.isRateLimited = isRateLimited
    }
}
