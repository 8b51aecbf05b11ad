/// One section of the help overlay, as the key table writes it.
public struct HelpSection: Sendable, Hashable {
    public let title: String
    public let entries: [HelpEntry]

    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// One line of the help overlay: the keys (the renderer spells them for its terminal) and
/// what they do.
public struct HelpEntry: Sendable, Hashable {
    public let keys: [KeyPress]
    public let help: String

    public init(keys: [KeyPress], help: String) {
        self.keys = keys
        self.help = help
    }

    /// The keys as help shows them, e.g. "↓ j", or "Down j" on an ASCII terminal.
    public func label(ascii: Bool = false) -> String {
        keys.map { ascii ? $0.asciiDescription : $0.description }.joined(separator: " ")
    }
}
