/// Finds a TOML table header whose key starts with a character no key can start with
/// (`[!]`, `[ é]`, `[[=`, `[[[a]]]`), which the toml++ 3.4 inside TOMLKit does not report but
/// asserts on: a debug build aborts, a release build runs into undefined behaviour
/// (marzer/tomlplusplus#301). `ThemeParser` reports it as the syntax error it is instead.
///
/// A header is a `[` at the start of an expression: first on its line, outside any string and
/// outside an array value that spans lines (whose nested `[+1]` or `[{…}]` is fine). The scan
/// follows strings, comments and brackets exactly on valid text, which is all toml++ ever
/// reaches; after a real syntax error it may answer anything, as toml++ stops there first.
enum TableHeaderCheck {
    /// The 1-based line and column of the offending character, or nil.
    static func firstBadHeader(in text: String) -> (line: Int, column: Int)? {
        let s = Array(text.unicodeScalars)
        var i = 0, line = 1, lineStart = 0, depth = 0
        var atExpressionStart = true
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func isBlank(_ c: Unicode.Scalar?) -> Bool { c == " " || c == "\t" }
        /// Skips a string starting at `i` (on its opening quote); multi-line ones may cross lines.
        func skipString() {
            let quote = s[i]
            let multiLine = at(i + 1) == quote && at(i + 2) == quote
            i += multiLine ? 3 : 1
            while i < s.count {
                let c = s[i]
                if c == "\\" && quote == "\"" {
                    if at(i + 1) == "\n" { line += 1; lineStart = i + 2 }
                    i += 2
                    continue
                }
                if c == "\n" {
                    if !multiLine { return }
                    line += 1; lineStart = i + 1
                }
                if c == quote && (!multiLine || (at(i + 1) == quote && at(i + 2) == quote)) {
                    i += multiLine ? 3 : 1
                    // A closing delimiter may carry up to two more quotes (`""""`).
                    while multiLine && at(i) == quote { i += 1 }
                    return
                }
                i += 1
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                line += 1; lineStart = i + 1; i += 1
                atExpressionStart = depth == 0
                continue
            }
            if isBlank(c) || c == "\r" { i += 1; continue }
            if atExpressionStart && c == "[" {
                var k = i + 1
                if at(k) == "[" { k += 1 }
                while isBlank(at(k)) { k += 1 }
                if let first = at(k), first != "]", !isKeyStart(first) {
                    return (line, k - lineStart + 1)
                }
                // The rest of a header line holds only its key (maybe quoted) and a comment.
                while i < s.count && s[i] != "\n" {
                    if s[i] == "\"" || s[i] == "'" { skipString(); continue }
                    if s[i] == "#" { while i < s.count && s[i] != "\n" { i += 1 }; break }
                    i += 1
                }
                continue
            }
            atExpressionStart = false
            switch c {
            case "\"", "'": skipString(); continue
            case "#": while i < s.count && s[i] != "\n" { i += 1 }; continue
            case "[", "{": depth += 1
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
            i += 1
        }
        return nil
    }

    /// A bare-key character (A-Z a-z 0-9 _ -) or a quote.
    private static func isKeyStart(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'": true
        default: false
        }
    }
}
