import SynqAPI
import SynqText

/// An editable line of text with a cursor: the filter field, name prompts and masked
/// credential entry. A value type; `apply(_:)` edits it for one key.
///
/// When `isMasked`, the text is not readable as a `String` at all: the renderer gets
/// `display` (one bullet per character) and the submitter gets `secret`.
public struct TextField: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    private var characters: [Character]
    /// Cursor position in characters, 0…count.
    public private(set) var cursor: Int
    public let isMasked: Bool

    /// The bullet a masked field shows for each character.
    public static let bullet: Character = "•"

    public init(_ text: String = "", masked: Bool = false) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.isMasked = masked
    }

    /// Number of characters typed.
    public var count: Int { characters.count }
    public var isEmpty: Bool { characters.isEmpty }

    /// The text, or nil for a masked field (use `secret`).
    public var text: String? { isMasked ? nil : String(characters) }

    /// What to draw: the text, or one bullet per character when masked.
    public var display: String {
        isMasked ? String(repeating: Self.bullet, count: characters.count) : String(characters)
    }

    /// The content as a `Secret`, for submitting a masked field.
    public var secret: Secret { Secret(String(characters)) }

    public var description: String { isMasked ? "TextField(<masked>)" : "TextField(\(String(characters)))" }
    public var customMirror: Mirror {
        Mirror(self, children: ["display": display, "cursor": cursor, "isMasked": isMasked])
    }

    /// Edits the field for one key. Returns false when the key is not a text-editing key
    /// (Enter, Esc, Tab…), so the caller can treat it as a command.
    @discardableResult
    public mutating func apply(_ key: KeyPress) -> Bool {
        switch key {
        case .character(let c):
            insert(String(c))
            return true
        case .paste(let text):
            insert(Self.pasteable(text).text)
            return true
        default:
            guard let binding = Self.bindings.first(where: { $0.keys.contains(key) }) else { return false }
            perform(binding.edit)
            return true
        }
    }

    /// Performs one editing operation.
    public mutating func perform(_ edit: TextEdit) {
        switch edit {
        case .deleteBackward:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .moveLeft: cursor = max(0, cursor - 1)
        case .moveRight: cursor = min(characters.count, cursor + 1)
        case .moveToStart: cursor = 0
        case .moveToEnd: cursor = characters.count
        case .killToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .killToEnd:
            characters.removeSubrange(cursor..<characters.count)
        case .deleteWordBackward:
            deleteWordBackward()
        }
        regroup()
    }

    /// The editing keys of every text field; `KeyMap.helpSections` lists them too.
    public static let bindings: [TextEditBinding] = [
        TextEditBinding([.left, .ctrl("b")], .moveLeft, "Cursor left"),
        TextEditBinding([.right, .ctrl("f")], .moveRight, "Cursor right"),
        TextEditBinding([.home, .ctrl("a")], .moveToStart, "Start of line"),
        TextEditBinding([.end, .ctrl("e")], .moveToEnd, "End of line"),
        TextEditBinding([.backspace, .ctrl("h")], .deleteBackward, "Delete before the cursor"),
        TextEditBinding([.delete, .ctrl("d")], .deleteForward, "Delete at the cursor"),
        TextEditBinding([.ctrl("u")], .killToStart, "Delete to the start"),
        TextEditBinding([.ctrl("k")], .killToEnd, "Delete to the end"),
        TextEditBinding([.ctrl("w")], .deleteWordBackward, "Delete the word before the cursor"),
    ]

    /// Help line for a paste into a field.
    public static let pasteHelp = "Insert pasted text; line breaks and tabs become spaces"

    /// What a paste inserts, and what it changed: a final line break goes, every other run of
    /// line breaks and tabs becomes one space (a field holds one line), and other control
    /// characters are dropped. The reducer says so when anything changed.
    public static func pasteable(_ text: String) -> PastedText {
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isNewline { trimmed.removeLast() }
        var result = ""
        var converted = 0
        var dropped = 0
        var inBreak = false
        for character in trimmed {
            if character.isNewline || character == "\t" {
                if !inBreak { result.append(" "); converted += 1 }
                inBreak = true
                continue
            }
            inBreak = false
            if character.unicodeScalars.contains(where: { Sanitizer.isUnsafe($0) }) {
                dropped += 1
            } else {
                result.append(character)
            }
        }
        return PastedText(text: result, spaced: converted, dropped: dropped)
    }

    /// Inserts text at the cursor, dropping control characters (a pasted newline or escape
    /// sequence never lands in a field).
    public mutating func insert(_ text: String) {
        let clean = text.filter { character in
            !character.unicodeScalars.contains { Sanitizer.isUnsafe($0) }
        }
        guard !clean.isEmpty else { return }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
        regroup()
    }

    /// Empties the field.
    public mutating func clear() {
        characters.removeAll()
        cursor = 0
    }

    /// Keeps `characters` the grapheme clusters of the text. An edit can join clusters (a
    /// combining accent typed after "e", a deletion that brings the halves of a flag together)
    /// or split one, and the renderer counts the clusters of the whole text, so the two must
    /// agree. The cursor keeps its place in the text, or moves to just after a cluster that
    /// now spans it.
    private mutating func regroup() {
        let scalarsBeforeCursor = characters[..<cursor].reduce(0) { $0 + $1.unicodeScalars.count }
        characters = Array(String(characters))
        var scalars = 0
        cursor = 0
        while cursor < characters.count, scalars < scalarsBeforeCursor {
            scalars += characters[cursor].unicodeScalars.count
            cursor += 1
        }
    }

    private mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }
}

/// A paste made fit for a one-line field, with what was changed on the way.
public struct PastedText: Sendable, Hashable {
    public var text: String
    /// Runs of line breaks or tabs that became one space each.
    public var spaced: Int
    /// Other control characters left out.
    public var dropped: Int

    /// What the status bar says about the paste, or nil when it went in as it was.
    public var notice: String? {
        var parts: [String] = []
        if spaced > 0 { parts.append("line breaks or tabs became spaces") }
        if dropped > 0 { parts.append("\(dropped) control character\(dropped == 1 ? " was" : "s were") left out") }
        return parts.isEmpty ? nil : "Pasted as one line: " + parts.joined(separator: "; ")
    }
}
