/// Natural order's sort keys, compact. `SortKey.natural` defines the order: case-folded text
/// whose digit runs shorter than `SortKey.numberWidth` are left-padded with zeros to that
/// width, compared byte by byte; at a million names those padded keys were 45 MB for 27 MB
/// of names. These keys compare the same, byte for byte (equal exactly when the padded ones
/// are), in about the names' own length.
///
/// A digit run's zeros (its padding and its own leading zeros) are written as "0", then
/// whether the byte the padded key has after them is above "0" (a digit 1–9, a letter) or
/// not (punctuation, the key's end), then their count: ascending when what follows is below
/// "0" (more zeros come later there), descending when above (more zeros come first). The
/// rest of the run follows as it is. Only ASCII digits count, as in `SortKey.natural`.
enum NaturalKey {
    /// At most this many key bytes for `length` bytes of text (a one-digit run can take
    /// four: "0", above or not, a count, its digit).
    static func maxLength(_ length: Int) -> Int { length * 4 }

    /// Writes the key of `text` (lower-cased already unless `lower`, which folds ASCII
    /// letters) to `out`; returns its length.
    static func write(_ text: UnsafeBufferPointer<UInt8>, lower: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let count = text.count
        var written = 0
        var index = 0
        while index < count {
            let byte = text[index]
            guard isDigit(byte) else {
                out[written] = lower ? FoldedSearch.lower(byte) : byte
                written += 1
                index += 1
                continue
            }
            var end = index + 1
            while end < count, isDigit(text[end]) { end += 1 }
            var significant = index
            while significant < end, text[significant] == 0x30 { significant += 1 }
            let length = end - index
            let zeros = (length < SortKey.numberWidth ? SortKey.numberWidth - length : 0) + (significant - index)
            if zeros > 0 {
                // After the padded key's zeros: a digit 1–9, the byte after the run (never a
                // digit; folding a letter keeps it above "0"), or the end.
                let above = significant < end || (end < count && text[end] > 0x30)
                out[written] = 0x30
                out[written + 1] = above ? 1 : 0
                written += 2
                written += writeCount(zeros, descending: above, to: out + written)
            }
            for position in significant..<end {
                out[written] = text[position]
                written += 1
            }
            index = end
        }
        return written
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// `count` (at least 1) in bytes that compare as the numbers do, or the other way round:
    /// one byte below 255, else a marker and four bytes big-endian.
    private static func writeCount(_ count: Int, descending: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if count < 255 {
            out[0] = UInt8(descending ? 255 - count : count)
            return 1
        }
        out[0] = descending ? 0 : 255
        let value = UInt32(truncatingIfNeeded: count)
        let bigEndian = (descending ? UInt32.max - value : value).bigEndian
        withUnsafeBytes(of: bigEndian) { bytes in
            for index in 0..<4 { out[1 + index] = bytes[index] }
        }
        return 5
    }
}
