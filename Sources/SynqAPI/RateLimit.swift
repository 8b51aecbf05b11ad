import Foundation

/// The `X-RateLimit-Limit/Remaining/Reset` triple Synvo sends with every response.
public struct RateLimit: Sendable, Hashable, Codable {
    public var limit: Int
    public var remaining: Int
    /// When the window resets (from the header's Unix seconds).
    public var reset: Date

    public init(limit: Int, remaining: Int, reset: Date) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
    }

    /// Reads the three headers; `nil` when any is missing or not a number.
    public init?(headers: [String: String]) {
        func value(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        guard let limit = value("X-RateLimit-Limit").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              let remaining = value("X-RateLimit-Remaining").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              let reset = value("X-RateLimit-Reset").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        self.init(limit: limit, remaining: remaining, reset: Date(timeIntervalSince1970: reset))
    }
}

/// A Synvo result together with the rate-limit budget the response reported.
public struct RateLimited<Value: Sendable>: Sendable {
    public var value: Value
    public var rateLimit: RateLimit?
    public init(value: Value, rateLimit: RateLimit?) {
        self.value = value
        self.rateLimit = rateLimit
    }
}

extension RateLimited: Equatable where Value: Equatable {}
