import Foundation

/// A sortable value of one cell: case-folded text, a time, or nothing (sorts last
/// ascending). Ties keep server order.
public enum SortKey: Sendable, Hashable, Comparable {
    case text(String)
    case time(Date)
    case missing

    /// Text compared without case.
    public static func folded(_ text: String) -> SortKey { .text(text.lowercased()) }

    /// A date, or `.missing`.
    public static func date(_ date: Date?) -> SortKey { date.map(SortKey.time) ?? .missing }
}
