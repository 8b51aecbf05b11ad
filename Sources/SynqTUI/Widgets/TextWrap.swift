import SynqText

/// Line breaking for dialog text: sentences wrap at spaces, keys (no spaces) anywhere.
enum TextWrap {
    /// Wraps text at spaces to `width` columns; a word longer than the line is hard-wrapped.
    static func words(_ text: String, width: Int) -> [String] {
        guard width > 0, CharacterWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if CharacterWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            if CharacterWidth.of(word) > width {
                let pieces = characters(word, width: width)
                lines.append(contentsOf: pieces.dropLast())
                current = pieces.last ?? ""
            } else {
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Hard-wraps text to `width` columns (keys have no spaces to break at).
    static func characters(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let w = max(1, CharacterWidth.of(character))
            if used + w > width {
                lines.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += w
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Items (like "c copy") on as few lines as possible: one line with `separator` if it
    /// fits, else one line with two spaces between items, else packed with `separator`.
    /// An item is never split unless it is wider than the line by itself.
    static func items(_ items: [String], separator: String, width: Int) -> [String] {
        for joiner in [separator, "  "] {
            let line = items.joined(separator: joiner)
            if CharacterWidth.of(line) <= width { return [line] }
        }
        var lines: [String] = []
        var current = ""
        for item in items {
            let candidate = current.isEmpty ? item : current + separator + item
            if CharacterWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.flatMap { words($0, width: width) }
    }
}
