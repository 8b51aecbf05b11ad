/// A named mapping from every style role to a style. Roles a theme file leaves out take
/// the `base` style, so a theme can be a handful of lines.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [StyleRole: Style]
    /// The terminal background the theme is made for: what "default" colours are, and what
    /// a colour reduced for a smaller palette must stay readable against.
    public var background: ThemeBackground
    /// The contrast every text role must reach (WCAG AA 4.5:1; AAA 7:1 for `contrast = "AAA"`).
    public var minimumContrast: Double
    /// Roles restyled for terminals with fewer colours (`[styles-16]`, `[styles-8]`).
    public var depthStyles: [ColorDepth: [StyleRole: Style]]

    public init(name: String, styles: [StyleRole: Style], background: ThemeBackground = .dark,
                minimumContrast: Double = Contrast.textAA, depthStyles: [ColorDepth: [StyleRole: Style]] = [:]) {
        self.name = name
        self.styles = styles
        self.background = background
        self.minimumContrast = minimumContrast
        self.depthStyles = depthStyles
    }

    /// The role's style as declared for 256 colours.
    public func style(_ role: StyleRole) -> Style {
        styles[role] ?? styles[.base] ?? Style()
    }

    /// The role's style as declared for `depth`: the most specific section that names the
    /// role, else (a role named nowhere) the base style at that depth.
    public func style(_ role: StyleRole, depth: ColorDepth) -> Style {
        for candidate in depth.fallbackChain {
            if let style = depthStyles[candidate]?[role] { return style }
        }
        if let style = styles[role] { return style }
        return role == .base ? Style() : style(.base, depth: depth)
    }
}

/// Whether a theme is made for a dark or a light terminal background.
public enum ThemeBackground: String, Sendable, Hashable, CaseIterable {
    case dark, light

    /// The terminal's own text colour under this background (xterm's palette): light grey
    /// on dark terminals, black on light ones.
    var defaultForeground: Contrast.RGB { self == .dark ? ThemeColor.paletteRGB(7) : ThemeColor.paletteRGB(0) }
    /// The terminal's own background: black or white.
    var defaultBackground: Contrast.RGB { self == .dark ? ThemeColor.paletteRGB(0) : ThemeColor.paletteRGB(15) }
}
