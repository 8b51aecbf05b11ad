import Foundation

/// Short human times for the TUI tables, the status bar and the headless tables — one rule
/// for all of them: "just now" (under 5 s, or up to a minute ahead, a server clock running
/// a little fast), "42s ago", "3m ago", "5h ago", "40d ago" (under 60 days), "3mo ago"
/// (under a year), "2y ago"; "in the future" beyond a minute ahead; "never" for no date.
/// Pure: the caller passes `now` (the renderer uses `AppState.now`).
public enum RelativeTime {
    public static func ago(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        return text(age(date, now: now))
    }

    /// How old a date reads: its unit and count as `ago` words them. Two dates of one age read
    /// the same, so a writer of many rows words each age once (`text`) instead of once a row.
    public struct Age: Equatable, Sendable {
        enum Unit: Equatable, Sendable { case future, justNow, seconds, minutes, hours, days, months, years }
        let unit: Unit
        let count: Int
    }

    public static func age(_ date: Date, now: Date) -> Age {
        let seconds = Int(now.timeIntervalSince(date).rounded(.down))
        if seconds < -60 { return Age(unit: .future, count: 0) }
        if seconds < 5 { return Age(unit: .justNow, count: 0) }
        if seconds < 60 { return Age(unit: .seconds, count: seconds) }
        let minutes = seconds / 60
        if minutes < 60 { return Age(unit: .minutes, count: minutes) }
        let hours = minutes / 60
        if hours < 24 { return Age(unit: .hours, count: hours) }
        let days = hours / 24
        if days < 60 { return Age(unit: .days, count: days) }
        if days < 365 { return Age(unit: .months, count: days / 30) }
        return Age(unit: .years, count: days / 365)
    }

    public static func text(_ age: Age) -> String {
        switch age.unit {
        case .future: "in the future"
        case .justNow: "just now"
        case .seconds: "\(age.count)s ago"
        case .minutes: "\(age.count)m ago"
        case .hours: "\(age.count)h ago"
        case .days: "\(age.count)d ago"
        case .months: "\(age.count)mo ago"
        case .years: "\(age.count)y ago"
        }
    }

    /// When `ago(date, now:)` next reads differently: the next whole second under a minute,
    /// the next whole minute under an hour, and so on. The store wakes then, so an idle
    /// screen's "updated 42s ago" keeps counting.
    public static func nextChange(of date: Date, now: Date) -> Date {
        let seconds = now.timeIntervalSince(date)
        let unit: TimeInterval
        switch seconds {
        case ..<5: return date.addingTimeInterval(5)
        case ..<60: unit = 1
        case ..<3600: unit = 60
        case ..<86_400: unit = 3600
        default: unit = 86_400
        }
        return date.addingTimeInterval((seconds / unit).rounded(.down) * unit + unit)
    }

    /// A countdown or age as "42s", "3m 05s", "2h 10m".
    public static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h \(String(format: "%02d", (s % 3600) / 60))m"
    }
}
