import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the filter field means: space-separated terms that must all match (case-insensitive).
/// A term is a substring by default; `~term` is a regular expression (POSIX extended);
/// `!term` (or `!~term`) keeps the rows that do NOT match. A backslash makes a leading
/// `~` or `!` literal. Rows are tested against their searchable texts joined by newlines.
public struct RowFilter: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        /// Lower-cased UTF-8 of a substring term (empty for a regex).
        public let needle: [UInt8]
        public let regex: CompiledRegex?
        public let inverted: Bool
        /// The term as typed, after the prefix.
        public let source: String
    }

    /// The text as typed.
    public let text: String
    public let terms: [Term]
    /// Why a term could not be used (a broken regular expression); nothing matches then.
    public let error: String?

    public init(_ text: String) {
        self.text = text
        var terms: [Term] = []
        var error: String?
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var body = Substring(word)
            var inverted = false
            var isRegex = false
            if body.hasPrefix("!") { inverted = true; body = body.dropFirst() }
            if body.hasPrefix("~") { isRegex = true; body = body.dropFirst() } else if body.hasPrefix("\\") { body = body.dropFirst() }
            guard !body.isEmpty else { continue }
            if isRegex {
                switch CompiledRegex.compile(String(body)) {
                case .success(let regex):
                    terms.append(Term(needle: [], regex: regex, inverted: inverted, source: String(body)))
                case .failure(let reason):
                    error = error ?? "bad pattern ~\(body): \(reason)"
                }
            } else {
                terms.append(Term(needle: Array(body.lowercased().utf8), regex: nil, inverted: inverted, source: String(body)))
            }
        }
        self.terms = terms
        self.error = error
    }

    /// True when no term narrows anything (an empty or blank filter).
    public var isEmpty: Bool { terms.isEmpty && error == nil }

    /// True when every row this filter keeps is also kept by `previous`, so its result can be
    /// computed from `previous`'s alone (typing more of a word, or adding a word).
    public func narrows(_ previous: RowFilter) -> Bool {
        guard error == nil, previous.error == nil, terms.count >= previous.terms.count else { return false }
        for (index, old) in previous.terms.enumerated() {
            let new = terms[index]
            if new == old { continue }
            guard index == previous.terms.count - 1, !old.inverted, !new.inverted, old.regex == nil, new.regex == nil,
                  new.needle.starts(with: old.needle) else { return false }
        }
        return true
    }

    /// Whether a row passes, given how to test one term against it.
    @inline(__always)
    public func matches(_ test: (Term) -> Bool) -> Bool {
        if error != nil { return false }
        for term in terms where test(term) == term.inverted { return false }
        return true
    }

    /// Whether a row whose searchable texts are `texts` passes (small tables; the fleet
    /// tests its arena bytes directly).
    public func matches(texts: [String]) -> Bool {
        var joined = texts.joined(separator: "\n").lowercased()
        return joined.withUTF8 { bytes in matches { $0.matches(UnsafeRawBufferPointer(bytes)) } }
    }

    /// Byte ranges in `text` (UTF-8 offsets) where a positive term matches, for highlighting.
    public func highlights(in text: String) -> [Range<Int>] {
        guard error == nil, terms.contains(where: { !$0.inverted }) else { return [] }
        var ranges: [Range<Int>] = []
        let lowered = Array(text.lowercased().utf8)
        // Lower-casing can change lengths outside ASCII; highlight only where it did not.
        guard lowered.count == text.utf8.count else { return [] }
        lowered.withUnsafeBytes { bytes in
            for term in terms where !term.inverted {
                if let regex = term.regex {
                    ranges += regex.ranges(in: bytes)
                } else {
                    ranges += FoldedSearch.ranges(of: term.needle, in: bytes)
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}

extension RowFilter.Term {
    /// Whether the term occurs in `text`. Substrings compare ASCII letters without case, so
    /// ASCII text needs no lower-cased copy; other text must be given lower-cased.
    @inline(__always)
    public func matches(_ text: UnsafeRawBufferPointer) -> Bool {
        if let regex { return regex.matches(text) }
        return needle.withUnsafeBytes { FoldedSearch.contains($0, in: text) }
    }
}

/// Case-insensitive (ASCII) substring search over bytes; the needle is lower-case already.
public enum FoldedSearch {
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    public static func contains(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Bool {
        first(needle, in: haystack, from: 0) != nil
    }

    static func first(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let count = needle.count
        guard count > 0 else { return start }
        guard haystack.count - start >= count else { return nil }
        let head = needle[0]
        let last = haystack.count - count
        var index = start
        while index <= last {
            if lower(haystack[index]) == head {
                var offset = 1
                while offset < count, lower(haystack[index + offset]) == needle[offset] { offset += 1 }
                if offset == count { return index }
            }
            index += 1
        }
        return nil
    }

    static func ranges(of needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        return needle.withUnsafeBytes { needle in
            var found: [Range<Int>] = []
            var start = 0
            while let index = first(needle, in: haystack, from: start) {
                found.append(index..<(index + needle.count))
                start = index + needle.count
            }
            return found
        }
    }
}

/// A POSIX extended regular expression (glibc's `regcomp`), case-insensitive, `.` never
/// crossing from one column's text into the next.
public final class CompiledRegex: @unchecked Sendable, Hashable {
    // regexec may be called from several threads on one compiled pattern (glibc locks it).
    private var pattern = regex_t()
    public let source: String

    private init(source: String) { self.source = source }

    static func compile(_ source: String) -> Result<CompiledRegex, RegexError> {
        let regex = CompiledRegex(source: source)
        let status = regcomp(&regex.pattern, source, REG_EXTENDED | REG_ICASE | REG_NEWLINE)
        guard status == 0 else {
            var message = [CChar](repeating: 0, count: 128)
            regerror(status, &regex.pattern, &message, message.count)
            regex.compiled = false
            return .failure(RegexError(reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
        }
        return .success(regex)
    }

    private var compiled = true

    deinit { if compiled { regfree(&pattern) } }

    /// Whether the pattern matches somewhere in `text` (which need not end in a NUL).
    func matches(_ text: UnsafeRawBufferPointer) -> Bool {
        first(in: text, from: 0) != nil
    }

    func ranges(in text: UnsafeRawBufferPointer) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start = 0
        while start <= text.count, let range = first(in: text, from: start) {
            found.append(range)
            start = max(range.upperBound, range.lowerBound + 1)
        }
        return found.filter { !$0.isEmpty }
    }

    private func first(in text: UnsafeRawBufferPointer, from start: Int) -> Range<Int>? {
        var match = [regmatch_t(rm_so: regoff_t(start), rm_eo: regoff_t(text.count))]
        let base = text.baseAddress?.assumingMemoryBound(to: CChar.self) ?? UnsafePointer<CChar>(bitPattern: 1)!
        let status = withUnsafeMutablePointer(to: &pattern) { pattern in
            regexec(pattern, base, 1, &match, REG_STARTEND)
        }
        guard status == 0 else { return nil }
        return Int(match[0].rm_so)..<Int(match[0].rm_eo)
    }

    public static func == (lhs: CompiledRegex, rhs: CompiledRegex) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

struct RegexError: Error {
    let reason: String
}
