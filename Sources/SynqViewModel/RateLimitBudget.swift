import Foundation
import SynqAPI

/// The Synvo rate limit as a budget: what the server last reported, and a 429 block.
///
/// The poller spends at most `remaining - reserve` requests before `reset`, spreading
/// them evenly; the reserve is kept for what the user asks for (create, refresh).
public struct RateLimitBudget: Sendable, Hashable {
    public var limit: Int
    public var remaining: Int
    public var reset: Date
    /// Set by a 429: no Synvo request until then.
    public var blockedUntil: Date?

    public init(limit: Int, remaining: Int, reset: Date, blockedUntil: Date? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.blockedUntil = blockedUntil
    }

    public init(_ rateLimit: RateLimit) {
        self.init(limit: rateLimit.limit, remaining: rateLimit.remaining, reset: rateLimit.reset)
    }

    /// The longest the poller ever waits for a reset (Synvo windows are an hour), so a
    /// server clock far ahead of ours cannot stall the pane for days.
    public static let longestWait: TimeInterval = 3600

    /// Requests the poller leaves for the user: a tenth of the limit, at least 1, at most 5.
    public var reserve: Int { min(5, max(1, limit / 10)) }

    /// Whole seconds until a 429 block lifts, or nil when not blocked at `now`.
    public func countdown(now: Date) -> Int? {
        guard let blockedUntil, blockedUntil > now else { return nil }
        return Int(blockedUntil.timeIntervalSince(now).rounded(.up))
    }

    public func isBlocked(now: Date) -> Bool { countdown(now: now) != nil }

    /// True when a request the user asked for may be sent now.
    public func allowsUserRequest(now: Date) -> Bool {
        if isBlocked(now: now) { return false }
        return remaining > 0 || now >= reset
    }

    /// The poll interval that makes the remaining budget last until the reset:
    /// at least `base`, and at least `timeUntilReset / (remaining - reserve)`. With no
    /// budget left beyond the reserve, the next poll waits for the reset.
    public func pollInterval(base: TimeInterval, now: Date) -> TimeInterval {
        let untilReset = reset.timeIntervalSince(now)
        guard untilReset > 0 else { return base }
        let spendable = remaining - reserve
        guard spendable > 0 else { return max(base, untilReset) }
        return max(base, untilReset / Double(spendable))
    }
}
