import Foundation

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
        buffer.append(UInt8(ascii: "\""))
        var high = false
        var copied = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= 0x7F { high = true; continue }
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            copied = index + 1
            buffer.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(byte)
            case 0x08: buffer.append(UInt8(ascii: "b"))
            case 0x09: buffer.append(UInt8(ascii: "t"))
            case 0x0A: buffer.append(UInt8(ascii: "n"))
            case 0x0C: buffer.append(UInt8(ascii: "f"))
            case 0x0D: buffer.append(UInt8(ascii: "r"))
            default:
                buffer.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            }
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        buffer.append(UInt8(ascii: "\""))
        return high
    }

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

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
