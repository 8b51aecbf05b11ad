import Foundation
import SynqText

/// JSON written byte by byte, exactly as `JSONCoding.encoder()` writes the same values, for
/// the places that write a million rows and cannot afford `Codable` per row (the sandbox's
/// list, `synq synchronizers list --json`). Tests hold both to the encoder's bytes.
public enum JSONBytes {
    /// Appends valid UTF-8 text as a JSON string the way `JSONEncoder` (slashes unescaped)
    /// writes it: `"` and `\` escaped, C0 controls as \b \t \n \f \r or \u00xx (lower-case
    /// hex), every other byte as it is. Returns true when a byte is DEL or above ASCII (the
    /// caller may need to make the text terminal-safe).
    @discardableResult
    public static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stringBound(bytes.count)) { text in
            let (end, high) = writeString(bytes, to: text.baseAddress!)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<(end - text.baseAddress!)]))
            return high
        }
    }

    /// The most bytes `writeString` writes for text of `count` bytes: two quotes and at most
    /// six a byte (`\u00xx`).
    @inlinable public static func stringBound(_ count: Int) -> Int { 2 + 6 * count }

    /// `appendString`'s bytes written at `out`, which has room for `stringBound(bytes.count)`;
    /// returns where they end and whether a byte is DEL or above ASCII. Eight bytes are looked
    /// at a time: in a fleet's names almost none needs escaping.
    public static func writeString(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>)
        -> (end: UnsafeMutablePointer<UInt8>, high: Bool) {
        out[0] = UInt8(ascii: "\"")
        var out = out + 1
        var high = false
        guard let base = bytes.baseAddress else {
            out[0] = UInt8(ascii: "\"")
            return (out + 1, false)
        }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if !mayNeedEscaping(word) {
                UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
                out += 8
                index += 8
                continue
            }
            for _ in 0..<8 {
                out = write(base[index], to: out, high: &high)
                index += 1
            }
        }
        while index < count {
            out = write(base[index], to: out, high: &high)
            index += 1
        }
        out[0] = UInt8(ascii: "\"")
        return (out + 1, high)
    }

    /// Whether any of the eight bytes is a C0 control, `"`, `\`, DEL or above ASCII.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        ByteWords.nonPrintable(word) | ByteWords.matches(UInt8(ascii: "\""), in: word) | ByteWords.matches(UInt8(ascii: "\\"), in: word) != 0
    }

    /// One byte of a string, escaped if JSON needs it.
    @inline(__always)
    private static func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>, high: inout Bool) -> UnsafeMutablePointer<UInt8> {
        if byte >= 0x7F { high = true }
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
            out[0] = byte
            return out + 1
        }
        out[0] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[1] = byte
        case 0x08: out[1] = UInt8(ascii: "b")
        case 0x09: out[1] = UInt8(ascii: "t")
        case 0x0A: out[1] = UInt8(ascii: "n")
        case 0x0C: out[1] = UInt8(ascii: "f")
        case 0x0D: out[1] = UInt8(ascii: "r")
        default:
            out[1] = UInt8(ascii: "u")
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0")
            out[4] = hexDigit(byte >> 4)
            out[5] = hexDigit(byte & 0xF)
            return out + 6
        }
        return out + 2
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }

    /// `appendString` of a Swift string.
    @discardableResult
    public static func appendString(_ text: String, to buffer: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { appendString($0, to: &buffer) }
    }

    /// A date as the encoder's date strategy writes it: `"YYYY-MM-DDTHH:MM:SSZ"` (whole
    /// seconds, rounded down), quotes included.
    public static func appendDate(_ date: Date, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        InternetDate.append(date, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// The bytes `DateWriter` writes for these seconds since 1970, quotes included.
    public static func dateBound(secondsSince1970 seconds: Double) -> Int {
        guard !InternetDate.hasExactText(secondsSince1970: seconds) else { return InternetDate.exactLength + 2 }
        return InternetDate.foundationText(Date(timeIntervalSince1970: seconds)).utf8.count + 2
    }

    /// Writes dates as `appendDate` does, in place, one after another: the calendar day is
    /// worked out only when it changes.
    public struct DateWriter {
        private var memo = InternetDate.DayMemo()

        public init() {}

        /// The date at `out`, which has room for `dateBound` of the same seconds; returns where
        /// it ends.
        public mutating func write(secondsSince1970 seconds: Double, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
            out[0] = UInt8(ascii: "\"")
            var end = out + 1
            if InternetDate.write(secondsSince1970: seconds, to: end, memo: &memo) {
                end += InternetDate.exactLength
            } else {
                for byte in InternetDate.foundationText(Date(timeIntervalSince1970: seconds)).utf8 {
                    end[0] = byte
                    end += 1
                }
            }
            end[0] = UInt8(ascii: "\"")
            return end + 1
        }
    }
}
