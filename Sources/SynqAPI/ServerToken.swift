import Foundation
import SynqText

/// A value a server chose — an id, a key, a name — checked against what it can legitimately
/// be before synq writes it into a file, a systemd unit, a manifest, an env file, a command
/// line or the clipboard. The one home of those checks.
///
/// Keys are opaque tokens (the Enterprise seed's own sample key has a non-hex `g`), so the
/// check is on shape, never on hex or UUID form: visible ASCII with none of the characters an
/// env file, a unit or a shell would read as syntax. Ids are the same minus `.`/`..`, which a
/// URL path would resolve. Names may be any printable Unicode but no control, line-break or
/// bidi character. Each has a length bound.
public struct ServerToken: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case identifier = "id"
        case key
        case name
    }

    public let kind: Kind
    public let text: String

    /// Longest accepted value of each kind.
    public static func maximumLength(_ kind: Kind) -> Int {
        switch kind {
        case .identifier: 128
        case .key: 512
        case .name: 128
        }
    }

    /// Characters a key or id never contains: quotes, backslash, `$`, backtick and `%` mean
    /// something in an env file, a unit or a shell; whitespace splits words.
    static let syntaxCharacters: Set<Unicode.Scalar> = ["\"", "'", "\\", "$", "`", "%"]

    /// `field` names the value in the error ("synchronizer id"); the value itself is quoted
    /// in the error only for ids and names, never for a key.
    public init(_ text: String, kind: Kind, field: String) throws(ServerValueError) {
        if let reason = Self.problem(text, kind: kind) {
            throw ServerValueError(field: field, kind: kind, reason: reason, excerpt: kind == .key ? nil : text)
        }
        self.kind = kind
        self.text = text
    }

    public static func isValid(_ text: String, kind: Kind) -> Bool { problem(text, kind: kind) == nil }

    static func problem(_ text: String, kind: Kind) -> String? {
        if text.isEmpty { return "it is empty" }
        let scalars = text.unicodeScalars
        if scalars.count > maximumLength(kind) { return "it is longer than \(maximumLength(kind)) characters" }
        for scalar in scalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" { return "it contains a line break" }
            if Sanitizer.isUnsafe(scalar) { return "it contains a control character" }
            guard kind != .name else { continue }
            if scalar == " " || scalar == "\t" { return "it contains a space" }
            if !(0x21...0x7E).contains(scalar.value) { return "it contains a character outside visible ASCII" }
            if syntaxCharacters.contains(scalar) { return "it contains \(scalar), which files and command lines read as syntax" }
        }
        if kind == .name && text.trimmingCharacters(in: .whitespaces) != text { return "it starts or ends with a space" }
        if kind == .identifier && (text == "." || text == "..") { return "it is a path step" }
        return nil
    }
}

/// A server value synq refuses to write: which field, why, and (for anything but a key) a
/// short sanitized excerpt.
public struct ServerValueError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public var field: String
    public var kind: ServerToken.Kind
    public var reason: String
    public var excerpt: String?

    public init(field: String, kind: ServerToken.Kind, reason: String, excerpt: String?) {
        self.field = field
        self.kind = kind
        self.reason = reason
        self.excerpt = excerpt
    }

    public var description: String {
        let shown = excerpt.map { " \"\(Sanitizer.clean(String($0.prefix(40))))\($0.count > 40 ? "…" : "")\"" } ?? ""
        return "the server sent a \(field)\(shown) that synq will not write: \(reason)"
    }

    public var errorDescription: String? { description }
}
