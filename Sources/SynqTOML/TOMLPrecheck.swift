/// Finds the malformed TOML that the toml++ 3.4 inside TOMLKit does not report but asserts
/// on — a debug build of synq aborts, a release build runs into undefined behaviour — so
/// `TOMLText` can report it as the syntax error it is (themes and config.toml alike):
///
/// - a table header whose name starts with a character no key starts with: `[!]`, `[ é]`,
///   `[[[a]]]`, a `[` at the end of a line (marzer/tomlplusplus#301);
/// - an array whose next element is a `}`: `attrs = ["bold",}`, `x = [}`;
/// - what toml++ takes for a date-time without a time after it: `1979-05-27T:`, `1979-05-27 0`.
///
/// The scan follows strings, comments and brackets exactly on valid TOML, so it never rejects
/// a valid file; after some other syntax error it may report anything, since toml++ stops at
/// that error first.
enum TOMLPrecheck {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func firstProblem(in text: String) -> Problem? {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.run()
    }

    private struct Scanner {
        let s: [Unicode.Scalar]
        var i = 0, line = 1, lineStart = 0
        /// Open `[` and `{` of values, innermost last.
        var open: [Unicode.Scalar] = []
        var atExpressionStart = true
        /// Just after an array's `[` or `,`: the next significant character is an element.
        var expectingElement = false
        /// Just after a key's `=`: the next significant character starts its value.
        var expectingValue = false

        init(_ scalars: [Unicode.Scalar]) {
            s = scalars
            // toml++ skips a byte-order mark at the very start.
            if s.first == "\u{FEFF}" { i = 1; lineStart = 1 }
        }

        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func isBlank(_ c: Unicode.Scalar?) -> Bool { c == " " || c == "\t" }
        func problem(at k: Int, _ message: String) -> Problem { Problem(line: line, column: k - lineStart + 1, message: message) }

        mutating func run() -> Problem? {
            while i < s.count {
                let c = s[i]
                if c == "\n" {
                    newLine(at: i)
                    i += 1
                    atExpressionStart = open.isEmpty
                    continue
                }
                if isBlank(c) || c == "\r" { i += 1; continue }
                if atExpressionStart && c == "[" {
                    if let problem = header() { return problem }
                    continue
                }
                atExpressionStart = false
                if c == "#" { skipComment(); continue }
                if expectingElement && c == "}" { return problem(at: i, "expected a value or ] in the array, found }") }
                if (expectingElement || expectingValue) && ("0"..."9").contains(c), let problem = dateWithoutTime() { return problem }
                expectingElement = false
                expectingValue = false
                switch c {
                case "\"", "'": skipString(); continue
                case "[": open.append(c); expectingElement = true
                case "{": open.append(c)
                case "]", "}": _ = open.popLast()
                case ",": expectingElement = open.last == "["
                case "=": expectingValue = true
                default: break
                }
                i += 1
            }
            return nil
        }

        /// A table header at `i`: checks its name's first character, then skips the line.
        mutating func header() -> Problem? {
            var k = i + 1
            if at(k) == "[" { k += 1 }
            while isBlank(at(k)) { k += 1 }
            if let first = at(k), first != "]", !Self.isKeyStart(first) {
                return problem(at: k, "a table name must start with a letter, digit, _, - or a quote")
            }
            // The rest of a header line holds only its name (maybe quoted) and a comment.
            while i < s.count && s[i] != "\n" {
                if s[i] == "\"" || s[i] == "'" { skipString(); continue }
                if s[i] == "#" { skipComment(); break }
                i += 1
            }
            return nil
        }

        /// A value at `i` that toml++ takes for a date-time must go on with a time (HH:MM): a
        /// date then `T` (`1979-05-27T:`), or ten characters shaped like a date (`_` not
        /// counted, letters allowed) then a space and a digit (`1979-05-27 0`).
        func dateWithoutTime() -> Problem? {
            func isDigit(_ k: Int) -> Bool { at(k).map { ("0"..."9").contains($0) } ?? false }
            func timeFollows(_ k: Int) -> Bool { isDigit(k) && isDigit(k + 1) && at(k + 2) == ":" && isDigit(k + 3) && isDigit(k + 4) }
            let message = "expected a time (HH:MM:SS) after the date"
            if (i..<(i + 10)).allSatisfy({ [4, 7].contains($0 - i) ? at($0) == "-" : isDigit($0) }),
               at(i + 10) == "T" || at(i + 10) == "t" {
                return timeFollows(i + 11) ? nil : problem(at: i + 11, message)
            }
            var k = i
            var shape: [Unicode.Scalar] = []
            while let c = at(k), !Self.isValueTerminator(c), shape.count <= 10 {
                if c != "_" { shape.append(c) }
                k += 1
            }
            guard shape.count == 10, shape[4] == "-", shape[7] == "-", at(k) == " ", isDigit(k + 1) else { return nil }
            return timeFollows(k + 1) ? nil : problem(at: k + 1, message)
        }

        /// What ends a value for toml++ (any whitespace, `]`, `}`, `,`, `#`), or more.
        static func isValueTerminator(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "]", "}", ",", "#": true
            default: c.value >= 0x80 && c.properties.isWhitespace || c == "\u{200B}" || c == "\u{2060}" || c == "\u{FEFF}" || c == "\u{180E}"
            }
        }

        mutating func skipComment() {
            while i < s.count && s[i] != "\n" { i += 1 }
        }

        /// Skips the string opening at `i`; a multi-line one may cross lines.
        mutating func skipString() {
            let quote = s[i]
            let multiLine = at(i + 1) == quote && at(i + 2) == quote
            i += multiLine ? 3 : 1
            while i < s.count {
                let c = s[i]
                if c == "\\" && quote == "\"" {
                    if at(i + 1) == "\n" { newLine(at: i + 1) }
                    i += 2
                    continue
                }
                if c == "\n" {
                    if !multiLine { return }
                    newLine(at: i)
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

        mutating func newLine(at k: Int) {
            line += 1
            lineStart = k + 1
        }

        /// A bare-key character (A-Z a-z 0-9 _ -) or a quote.
        static func isKeyStart(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'": true
            default: false
            }
        }
    }
}
