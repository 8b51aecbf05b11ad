import Foundation

/// Makes server-supplied text safe to print on one line of a terminal: every control
/// character (C0, DEL, C1, bidi overrides and isolates) becomes a visible escape such as
/// `\x1b` or `\u{202E}`, so a hostile name can never drive the terminal.
public enum Sanitizer {
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        case 0x2028, 0x2029, 0xFEFF: true
        default: false
        }
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

/// Removes a known secret from text a server sent back, in case it echoes the credential.
public struct Redactor: Sendable {
    private let secrets: [String]

    public init(_ secrets: [Secret]) {
        self.secrets = secrets.map { $0.reveal() }.filter { $0.count >= 4 }
    }

    /// UTF-8 length of the longest secret, so a caller can keep enough text around a cut.
    public var longestSecretBytes: Int { secrets.map(\.utf8.count).max() ?? 0 }

    public func callAsFunction(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return result
    }
}
