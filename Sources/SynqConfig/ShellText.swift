import Foundation

/// Words of a command line shown for a person to paste into a POSIX shell.
enum ShellText {
    /// `word` as is when it holds only characters no shell treats specially, else in single
    /// quotes (a `'` inside becomes `'\''`).
    static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || ["-", "_", ".", "/", ":", "=", "@", "+", ","].contains(scalar)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func line(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
