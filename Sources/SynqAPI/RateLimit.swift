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

    /// Reads the three headers; `nil` when any is missing or not a number, or the reset time
    /// is not a plausible date.
    public init?(headers: [String: String]) {
        func value(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        guard let limit = value("X-RateLimit-Limit").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              let remaining = value("X-RateLimit-Remaining").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              let reset = value("X-RateLimit-Reset").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }),
              let resetDate = Self.plausibleDate(secondsSince1970: reset)
        else { return nil }
        self.init(limit: limit, remaining: remaining, reset: resetDate)
    }

    /// The date for a server-sent number of seconds, or nil unless it lies in years 1970…9999.
    /// `Double` reads "1e300", "inf" and "nan" too, and such a date would trap wherever it is
    /// turned into whole seconds (the countdown in messages, the `--json` timestamp).
    static func plausibleDate(secondsSince1970 seconds: Double) -> Date? {
        (0...253_402_300_799).contains(seconds) ? Date(timeIntervalSince1970: seconds) : nil
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
