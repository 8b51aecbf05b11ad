import Foundation
import SynqAPI

/// Synvo's per-key rate limit as fixed windows aligned to multiples of the window length
/// (so `X-RateLimit-Reset` is the same for every request in a window).
actor RateLimiter {
    /// What one request got: whether it may proceed, and the budget to report.
    struct Decision: Sendable {
        var allowed: Bool
        var rateLimit: RateLimit
    }

    private struct Window {
        var start: Double
        var used: Int
    }

    private let limit: Int
    private let window: Double
    private let now: @Sendable () -> Date
    /// Windows by the SHA-256 of the presented key (the map holds no key in clear).
    private var windows: [String: Window] = [:]
    /// Most keys tracked at once. Past it (a flood of made-up keys), windows of past periods
    /// are forgotten, and if every tracked key is current, new keys share one overflow
    /// budget: the map stays bounded and keys already tracked keep their own budget.
    let maxTrackedKeys: Int
    static let defaultMaxTrackedKeys = 10_000
    private static let overflowKey = "(overflow)"

    /// How many budgets are held now (at most `maxTrackedKeys` + 1).
    var trackedKeys: Int { windows.count }

    init(limit: Int, window: Duration, maxTrackedKeys: Int = RateLimiter.defaultMaxTrackedKeys, now: @escaping @Sendable () -> Date) {
        self.maxTrackedKeys = max(1, maxTrackedKeys)
        self.limit = limit
        let parts = window.components
        self.window = max(Double(parts.seconds) + Double(parts.attoseconds) / 1e18, 0.001)
        self.now = now
    }

    /// Spends one request of `key`'s budget, if any is left.
    func spend(_ presented: String) -> Decision {
        let time = now().timeIntervalSince1970
        let start = (time / window).rounded(.down) * window
        var key = KeyDigest.hex(presented)
        if windows[key] == nil, windows.count >= maxTrackedKeys {
            windows = windows.filter { $0.value.start == start }
            if windows.count >= maxTrackedKeys { key = Self.overflowKey }
        }
        var current = windows[key] ?? Window(start: start, used: 0)
        if current.start != start { current = Window(start: start, used: 0) }
        let allowed = current.used < limit
        if allowed { current.used += 1 }
        windows[key] = current
        let reset = Date(timeIntervalSince1970: (start + window).rounded(.up))
        return Decision(allowed: allowed, rateLimit: RateLimit(limit: limit, remaining: limit - current.used, reset: reset))
    }

    /// Forgets every window (the control route's reset).
    func reset() {
        windows = [:]
    }
}
