import Foundation

/// Makes server-supplied text safe to print on one line of a terminal: every control
/// character (C0, DEL, C1, bidi overrides and isolates) becomes a visible escape such as
/// `\x1b` or `\u{202E}`, so a hostile name can never drive the terminal.
public enum Sanitizer {
    /// Every scalar that could drive a terminal: C0, DEL and C1 controls, bidi marks,
    /// overrides and isolates (U+061C, U+200E/F, U+202A...U+202E, U+2066...U+2069), the line
    /// and paragraph separators (U+2028/9) and the BOM. The one definition: `isUnsafe` and
    /// `TerminalSafeBytes` both read it.
    public static let unsafeScalars: [ClosedRange<UInt32>] = [
        0x00...0x1F, 0x7F...0x9F, 0x061C...0x061C, 0x200E...0x200F,
        0x2028...0x202E, 0x2066...0x2069, 0xFEFF...0xFEFF,
    ]

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return true }
        if value < 0x7F { return false }
        for range in unsafeScalars where range.contains(value) { return true }
        return false
    }

    public static func escape(_ scalar: Unicode.Scalar) -> String {
        if scalar.value <= 0xFF { return String(format: "\\x%02x", scalar.value) }
        return String(format: "\\u{%04X}", scalar.value)
    }

    /// The text with every unsafe scalar replaced by its visible escape.
    public static func clean(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: isUnsafe) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A cleaned excerpt of at most `limit` characters, for error messages.
    public static func excerpt(_ data: Data, limit: Int = 80) -> String {
        let prefix = data.prefix(limit * 4)
        let text = String(decoding: prefix, as: UTF8.self)
        let cleaned = clean(text)
        if cleaned.isEmpty { return "(empty body)" }
        if cleaned.count > limit || data.count > prefix.count { return String(cleaned.prefix(limit)) + "…" }
        return cleaned
    }
}
