import Foundation
import SynqText

/// Dates written out whole, in UTC (a fleet is run from servers in many zones), e.g.
/// "2026-11-19 08:26:40 UTC". The detail view shows them beside the relative ones.
public enum AbsoluteTime {
    public static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// "2026-11-19 08:26:40 UTC (3d ago)", or `missing` for no date.
    public static func withAge(_ date: Date?, now: Date, missing: String = "not given") -> String {
        guard let date else { return missing }
        return "\(utc(date)) (\(RelativeTime.ago(date, now: now)))"
    }
}
