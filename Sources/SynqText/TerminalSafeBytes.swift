import Foundation

/// The last check on everything a headless command prints: a scalar that could drive a
/// terminal (`Sanitizer.isUnsafe`, from U+007F up: DEL, C1 such as U+009B CSI, bidi controls,
/// line separators, BOM) leaves as a JSON escape like `\u009b`.
///
/// Tables are sanitized cell by cell already, and `JSONEncoder` escapes C0, but it writes
/// DEL, C1 and bidi controls from server data as raw UTF-8, which a terminal reading
/// `synq … --json` would obey. Those scalars can only occur inside JSON strings, where
/// `\uXXXX` means the same character, so the JSON still decodes to exactly the server's text.
/// C0 (newline, tab) passes: it is the writer's own layout, never server text, by then.
///
/// One pass over the bytes, no String round trip (a list of 1,000,000 synchronizers must not
/// pay for one): ASCII is skipped byte by byte, and only a non-ASCII lead byte decodes its
/// scalar and asks `Sanitizer.isUnsafe`, so the two can never disagree on the character set.
public enum TerminalSafeBytes {
    /// Whether `escaped` rewrites this scalar.
    public static func escapes(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x7F && Sanitizer.isUnsafe(scalar)
    }

    public static func escaped(_ data: Data) -> Data {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data in
            guard var found = firstEscaped(bytes, from: 0) else { return data }
            var out = Data(capacity: bytes.count + 64)
            var copied = 0
            while true {
                out.append(contentsOf: bytes[copied..<found.start])
                out.append(contentsOf: jsonEscape(found.scalar))
                copied = found.start + found.length
                guard let next = firstEscaped(bytes, from: copied) else { break }
                found = next
            }
            out.append(contentsOf: bytes[copied...])
            return out
        }
    }

    /// `\uXXXX`, or a surrogate pair above the Basic Multilingual Plane, as JSON spells it.
    static func jsonEscape(_ scalar: Unicode.Scalar) -> [UInt8] {
        let value = scalar.value
        guard value > 0xFFFF else { return Array(String(format: "\\u%04x", value).utf8) }
        let offset = value - 0x10000
        return Array(String(format: "\\u%04x\\u%04x", 0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF)).utf8)
    }

    /// Where the next scalar to escape starts, how many bytes it takes, and the scalar.
    private static func firstEscaped(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (start: Int, length: Int, scalar: Unicode.Scalar)? {
        var i = start
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x7F {
                i += 1
                continue
            }
            guard let (scalar, length) = decode(bytes, at: i) else {
                i += 1  // a stray continuation byte or a cut sequence: not a scalar, nothing to obey
                continue
            }
            if escapes(scalar) { return (i, length, scalar) }
            i += length
        }
        return nil
    }

    /// The scalar whose UTF-8 starts at `i` and its length, or nil for a malformed sequence.
    private static func decode(_ bytes: UnsafeRawBufferPointer, at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[i]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let next = bytes[i + k]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000  // overlong forms are malformed
        guard value >= shortest, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
