/// A named mapping from every style role to a style. Roles a theme file leaves out take
/// the `base` style, so a theme can be a handful of lines.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style {
        styles[role] ?? styles[.base] ?? Style()
    }
}
