/// Bytes looked at eight at a time (SWAR): a fleet's text is almost all printable ASCII, so
/// the writers of a million rows ask "is any of these eight bytes special?" and copy the word
/// when none is. The classic has-less-than and has-byte tests: exact for "any of the eight",
/// not for "which" (a word that answers yes is then read byte by byte).
public enum ByteWords {
    @usableFromInline static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @usableFromInline static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// Non-zero when any of the eight bytes is a C0 control, DEL or above ASCII: not
    /// printable ASCII. (Masks, not booleans, so that tests combine without branches.)
    @inlinable @inline(__always)
    public static func nonPrintable(_ word: UInt64) -> UInt64 {
        ((word &- ones &* 0x20) & ~word | word) & highs | matches(0x7F, in: word)
    }

    /// Non-zero when any of the eight bytes is `byte` (below 0x80).
    @inlinable @inline(__always)
    public static func matches(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let equal = word ^ (ones &* UInt64(byte))
        return (equal &- ones) & ~equal & highs
    }

    /// Whether every byte is printable ASCII (0x20–0x7E). Text of four bytes or more is read
    /// in words only: its last word overlaps the one before (a cell's tail of one to seven
    /// bytes, byte by byte, was a fifth of measuring a table).
    @inlinable
    public static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        if count >= 8 {
            var index = 0
            while index + 8 <= count {
                if nonPrintable(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) != 0 { return false }
                index += 8
            }
            return index == count || nonPrintable(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) == 0
        }
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self)), high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return nonPrintable(low | high << 32) == 0
        }
        for index in 0..<count where base[index] < 0x20 || base[index] >= 0x7F { return false }
        return true
    }
}
