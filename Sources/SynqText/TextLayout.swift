/// Fitting text into a number of columns: truncation with an ellipsis and padding, both
/// width-aware, used by every widget that lines text up.
public enum TextLayout {
    public enum Alignment: Sendable, Hashable { case left, right, center }

    /// `text` cut to at most `columns` columns, ending in `ellipsis` when cut. Stops reading
    /// the string once it is full, so a 10,000-character name costs no more than a short one.
    public static func truncate(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        var used = 0
        var end = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let width = max(1, CharacterWidth.of(character))
            if used + width > columns { break }
            used += width
            index = text.index(after: index)
            end = index
        }
        if end == text.endIndex { return text }
        let ellipsisWidth = CharacterWidth.of(ellipsis)
        var keep = text.startIndex
        var kept = 0
        index = text.startIndex
        while index < text.endIndex {
            let width = max(1, CharacterWidth.of(text[index]))
            if kept + width + ellipsisWidth > columns { break }
            kept += width
            index = text.index(after: index)
            keep = index
        }
        return String(text[text.startIndex..<keep]) + ellipsis
    }

    /// `text` cut in the middle to at most `columns` columns: its last `tail` characters stay
    /// after the ellipsis and the head takes the rest ("b1df0d63…4185"). Cut at the end when
    /// there is no room for a head.
    public static func truncate(_ text: String, to columns: Int, keepingLast tail: Int, ellipsis: String = "…") -> String {
        guard tail > 0, self.columns(text) > columns else { return truncate(text, to: columns, ellipsis: ellipsis) }
        let end = String(text.suffix(tail))
        let room = columns - self.columns(end) - CharacterWidth.of(ellipsis)
        guard room > 0 else { return truncate(text, to: columns, ellipsis: ellipsis) }
        var head = ""
        var used = 0
        for character in text {
            let width = max(1, CharacterWidth.of(character))
            if used + width > room { break }
            used += width
            head.append(character)
        }
        return head + ellipsis + end
    }

    /// `text` truncated and padded with spaces to exactly `columns` columns.
    public static func fit(_ text: String, to columns: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: columns, ellipsis: ellipsis)
        let gap = max(0, columns - self.columns(cut))
        let padded: String
        switch alignment {
        case .left: padded = cut + String(repeating: " ", count: gap)
        case .right: padded = String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            padded = String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
        // A padding space can join the grapheme beside it (a space after a prepended mark like
        // U+0600, a space before a combining mark); top up at the outer edge, where it cannot.
        let short = columns - self.columns(padded)
        guard short > 0 else { return padded }
        return alignment == .right ? String(repeating: " ", count: short) + padded : padded + String(repeating: " ", count: short)
    }

    /// Columns `text` takes when written to a `Grid`, which gives a zero-width grapheme (a lone
    /// combining mark) a cell of its own. `CharacterWidth.of` is the width on a plain terminal line.
    public static func columns(_ text: String) -> Int {
        text.reduce(0) { $0 + max(1, CharacterWidth.of($1)) }
    }
}
