import Foundation

/// Short human times for the TUI tables, the status bar and the headless tables — one rule
/// for all of them: "just now" (under 5 s, or up to a minute ahead, a server clock running
/// a little fast), "42s ago", "3m ago", "5h ago", "40d ago" (under 60 days), "3mo ago"
/// (under a year), "2y ago"; "in the future" beyond a minute ahead; "never" for no date.
/// Pure: the caller passes `now` (the renderer uses `AppState.now`).
public enum RelativeTime {
    public static func ago(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        let seconds = Int(now.timeIntervalSince(date).rounded(.down))
        if seconds < -60 { return "in the future" }
        if seconds < 5 { return "just now" }
        if seconds < 60 { return "\(seconds)s ago" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes)m ago" }
        let hours = minutes / 60
        if hours < 24 { return "\(hours)h ago" }
        let days = hours / 24
        if days < 60 { return "\(days)d ago" }
        if days < 365 { return "\(days / 30)mo ago" }
        return "\(days / 365)y ago"
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
