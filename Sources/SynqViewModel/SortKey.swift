import Foundation

/// A sortable value of one cell: case-folded text, a time, or nothing (sorts last
/// ascending). Ties keep server order.
public enum SortKey: Sendable, Hashable, Comparable {
    case text(String)
    case time(Date)
    case missing

    /// Text compared without case.
    public static func folded(_ text: String) -> SortKey { .text(text.lowercased()) }

    /// Text compared without case, with numbers in it compared by value, so "node-2" comes
    /// before "node-10" (each run of digits is left-padded to a common width).
    public static func natural(_ text: String) -> SortKey {
        var key = ""
        key.reserveCapacity(text.utf8.count + 8)
        var digits = ""
        func flush() {
            if !digits.isEmpty, digits.count < numberWidth {
                key += String(repeating: "0", count: numberWidth - digits.count)
            }
            key += digits
            digits = ""
        }
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                flush()
                key.append(character)
            }
        }
        flush()
        return .text(key)
    }

    /// Digit runs up to this long compare by value; longer ones (ids, not counters) as text.
    static let numberWidth = 20

    /// A date, or `.missing`.
    public static func date(_ date: Date?) -> SortKey { date.map(SortKey.time) ?? .missing }
}
