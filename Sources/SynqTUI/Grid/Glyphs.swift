/// The line-drawing and symbol characters the screen uses, in a Unicode set and an ASCII
/// set for terminals whose locale is not UTF-8 (the C locale, a bare `linux` console).
public struct Glyphs: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var bullet: String
    public var ellipsis: String
    public var pending: String
    public var mark: String
    public var changed: String
    public var selectionArrow: String
    /// Whether text may contain non-ASCII characters at all.
    public var unicode: Bool

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        bullet: "•", ellipsis: "…", pending: "⋯", mark: "✓", changed: "●", selectionArrow: "▶", unicode: true
    )

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        bullet: "*", ellipsis: "~", pending: "~", mark: "x", changed: "*", selectionArrow: ">", unicode: false
    )

    /// Picks the set for a locale's character encoding name (as `nl_langinfo(CODESET)` reports it).
    public static func forCodeset(_ codeset: String) -> Glyphs {
        let name = codeset.uppercased().replacingOccurrences(of: "-", with: "")
        return name == "UTF8" ? .unicode : .ascii
    }
}
