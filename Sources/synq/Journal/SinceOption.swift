import Foundation
import SynqAPI

/// `--since`: an age back from now (`90s`, `30m`, `24h`, `7d`, `2w`), an ISO 8601 time, or `all`.
enum SinceOption {
    static func parse(_ text: String, now: Date) -> Date?? {
        if text == "all" { return .some(nil) }
        if let date = JSONCoding.parseDate(text) { return date }
        guard let unit = text.last, let number = Double(text.dropLast()), number.isFinite, number >= 0 else { return nil }
        let seconds: Double
        switch unit {
        case "s": seconds = number
        case "m": seconds = number * 60
        case "h": seconds = number * 3600
        case "d": seconds = number * 86_400
        case "w": seconds = number * 7 * 86_400
        default: return nil
        }
        return now.addingTimeInterval(-min(seconds, 100 * 365 * 86_400))
    }
}
