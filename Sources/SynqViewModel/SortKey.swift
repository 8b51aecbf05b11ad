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
        var folded = text.lowercased()
        // Bytes, not Characters: a million names are keyed at once, and ASCII digits never
        // occur inside a multi-byte UTF-8 sequence.
        return .text(folded.withUTF8 { bytes in
            var padding = 0
            var run = 0
            for byte in bytes {
                if isDigit(byte) { run += 1; continue }
                padding += pad(run)
                run = 0
            }
            padding += pad(run)
            guard padding > 0 else { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count + padding) { buffer in
                var out = 0
                var index = 0
                while index < bytes.count {
                    var end = index
                    while end < bytes.count, isDigit(bytes[end]) { end += 1 }
                    if end == index {
                        buffer[out] = bytes[index]
                        out += 1
                        index += 1
                        continue
                    }
                    for _ in 0..<pad(end - index) { buffer[out] = 0x30; out += 1 }
                    for position in index..<end { buffer[out] = bytes[position]; out += 1 }
                    index = end
                }
                return out
            }
        })
    }

    /// Digit runs up to this long compare by value; longer ones (ids, not counters) as text.
    static let numberWidth = 20

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Zeros to put before a run of `length` digits.
    private static func pad(_ length: Int) -> Int { length > 0 && length < numberWidth ? numberWidth - length : 0 }

    /// A date, or `.missing`.
    public static func date(_ date: Date?) -> SortKey { date.map(SortKey.time) ?? .missing }
}
