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

    /// `text` truncated and padded with spaces to exactly `columns` columns.
    public static func fit(_ text: String, to columns: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: columns, ellipsis: ellipsis)
        let gap = max(0, columns - CharacterWidth.of(cut))
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }
}
