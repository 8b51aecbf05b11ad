import Foundation
import SynqAPI
import SynqText

/// Values written into a systemd unit. systemd expands `%` specifiers in most settings and
/// `$VAR` in command lines, and splits command lines on whitespace unless a word is quoted;
/// every value synq writes goes through one of these so it stays the literal text it was.
enum SystemdText {
    /// For settings that resolve specifiers (`User=`, `EnvironmentFile=`, `Description=`).
    static func setting(_ value: String) -> String {
        singleLine(value).replacingOccurrences(of: "%", with: "%%")
    }

    /// One word of an `Exec…=` command line: specifiers and `$` doubled, and double-quoted
    /// (with `\` and `"` escaped) when it holds anything but plain characters.
    static func execWord(_ value: String) -> String {
        let escaped = setting(value).replacingOccurrences(of: "$", with: "$$")
        let plain = !escaped.isEmpty && escaped.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && !["\"", "'", "\\", ";"].contains(scalar)
        }
        if plain { return escaped }
        return "\"" + escaped.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Text for a `#` comment: a line break would end the comment and start a setting.
    static func comment(_ value: String) -> String {
        singleLine(value)
    }

    private static func singleLine(_ value: String) -> String {
        String(value.unicodeScalars.map { Sanitizer.isUnsafe($0) ? "?" : Character($0) })
    }
}
