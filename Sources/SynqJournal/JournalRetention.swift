import Foundation

/// How much history the journal keeps: events younger than `maxAge` and at most
/// `maxEvents` of them (the newest). Written as `90d`, `1M`, or `90d,1M`.
public struct JournalRetention: Sendable, Hashable, CustomStringConvertible {
    public var maxAge: TimeInterval
    public var maxEvents: Int

    public static let standard = JournalRetention(maxAge: 90 * 86_400, maxEvents: 1_000_000)

    public init(maxAge: TimeInterval, maxEvents: Int) {
        self.maxAge = maxAge
        self.maxEvents = maxEvents
    }

    /// Parses `--journal-retention`: comma-separated parts, each an age (a number with s, m,
    /// h, d or w) or a count (a number, optionally with k or M). A part left out keeps its default.
    public init(parsing text: String) throws(JournalError) {
        var retention = JournalRetention.standard
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty, parts.count <= 2 else { throw .badRetention(text) }
        for part in parts {
            guard let last = part.last, let number = Double(last.isNumber ? part : String(part.dropLast())),
                  number.isFinite, number > 0 else { throw .badRetention(text) }
            switch last {
            case "s": retention.maxAge = number
            case "m": retention.maxAge = number * 60
            case "h": retention.maxAge = number * 3600
            case "d": retention.maxAge = number * 86_400
            case "w": retention.maxAge = number * 7 * 86_400
            case "k": retention.maxEvents = Int(min(number * 1_000, 1e12))
            case "M": retention.maxEvents = Int(min(number * 1_000_000, 1e12))
            default:
                guard last.isNumber, number == number.rounded() else { throw .badRetention(text) }
                retention.maxEvents = Int(min(number, 1e12))
            }
        }
        guard retention.maxEvents >= 1 else { throw .badRetention(text) }
        self = retention
    }

    public var description: String {
        let days = maxAge / 86_400
        let age = days == days.rounded() ? "\(Int(days))d" : "\(Int(maxAge))s"
        return "\(age),\(maxEvents)"
    }
}
