import Foundation

/// The last check on everything a headless command prints: a scalar that could drive a
/// terminal (DEL, C1 such as U+009B CSI, bidi controls, line separators, BOM; the ones
/// `Sanitizer.isUnsafe` names from U+007F up) leaves as a JSON escape like `\u009b`.
///
/// Tables are sanitized cell by cell already, and `JSONEncoder` escapes C0, but it writes
/// DEL, C1 and bidi controls from server data as raw UTF-8, which a terminal reading
/// `synq … --json` would obey. Those scalars can only occur inside JSON strings, where
/// `\uXXXX` means the same character, so the JSON still decodes to exactly the server's text.
/// One pass over the bytes, no decoding: output is UTF-8 from the encoder, and a list of
/// 100,000 synchronizers must not pay for a String round trip.
enum TerminalSafeBytes {
    static func escaped(_ data: Data) -> Data {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data in
            guard var index = firstUnsafe(bytes, from: 0) else { return data }
            var out = Data(capacity: bytes.count + 64)
            var copied = 0
            while true {
                out.append(contentsOf: bytes[copied..<index.start])
                out.append(contentsOf: Array(String(format: "\\u%04x", index.scalar).utf8))
                copied = index.start + index.length
                guard let next = firstUnsafe(bytes, from: copied) else { break }
                index = next
            }
            out.append(contentsOf: bytes[copied...])
            return out
        }
    }

    /// Where the next unsafe scalar starts, how many bytes it takes, and its value.
    private static func firstUnsafe(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (start: Int, length: Int, scalar: UInt32)? {
        var i = start
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x7F {
                i += 1
                continue
            }
            if byte == 0x7F { return (i, 1, 0x7F) }
            let b1: UInt8 = i + 1 < count ? bytes[i + 1] : 0
            let b2: UInt8 = i + 2 < count ? bytes[i + 2] : 0
            switch byte {
            case 0xC2 where (0x80...0x9F).contains(b1):
                return (i, 2, UInt32(b1))  // C1: U+0080...U+009F
            case 0xD8 where b1 == 0x9C:
                return (i, 2, 0x061C)  // Arabic letter mark
            case 0xE2 where b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2)):
                return (i, 3, 0x2000 + UInt32(b2 - 0x80))  // U+200E/F, U+2028...U+202E
            case 0xE2 where b1 == 0x81 && (0xA6...0xA9).contains(b2):
                return (i, 3, 0x2040 + UInt32(b2 - 0x80))  // U+2066...U+2069
            case 0xEF where b1 == 0xBB && b2 == 0xBF:
                return (i, 3, 0xFEFF)
            default:
                i += 1
            }
        }
        return nil
    }
}
