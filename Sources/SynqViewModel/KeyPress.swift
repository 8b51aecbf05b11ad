/// One key (or one bracketed paste) as the terminal backend decoded it.
///
/// The backend maps raw input like this: printable text and space → `.character`;
/// 0x0A/0x0D → `.enter`; 0x09 → `.tab`; 0x08/0x7F/KEY_BACKSPACE → `.backspace`;
/// ESC alone → `.escape`; other C0 bytes 0x01…0x1A → `.ctrl(lowercase letter)`;
/// KEY_BTAB → `.backTab`; a bracketed paste → `.paste(text)`.
public enum KeyPress: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete
    case tab, backTab
    /// Control + letter, the letter lowercased (`.ctrl("u")` is Ctrl-U).
    case ctrl(Character)
    /// F1…F12.
    case function(Int)
    /// A whole pasted string, delivered at once.
    case paste(String)

    /// Space, the toggle key.
    public static let space = KeyPress.character(" ")

    /// How the key is written in help and hints ("space", "Tab", "S-Tab", "Ctrl-U").
    public var description: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .ctrl(let c): "Ctrl-\(String(c).uppercased())"
        case .function(let n): "F\(n)"
        case .paste: "paste"
        }
    }

    /// ASCII-only spelling, for terminals in the C locale.
    public var asciiDescription: String {
        switch self {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: description
        }
    }
}
