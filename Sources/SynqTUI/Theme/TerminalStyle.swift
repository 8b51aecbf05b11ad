/// A role's style as a terminal with a given number of colours shows it: palette indices
/// (nil: the terminal's own colour) and attributes. The renderer's colour pairs, the contrast
/// test and `synq theme check` all come from here, so what is measured is what is drawn.
public struct TerminalStyle: Sendable, Hashable {
    public var foreground: Int?
    public var background: Int?
    public var attributes: Set<ThemeAttribute>

    public init(foreground: Int?, background: Int?, attributes: Set<ThemeAttribute>) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

extension Theme {
    /// The contrast a role must reach: borders are not text (WCAG 3:1), every other role
    /// is text and needs the theme's level (AA 4.5:1, or AAA 7:1 when the theme says so).
    public func requiredContrast(_ role: StyleRole) -> Double {
        role == .border ? Contrast.nonText : minimumContrast
    }

    /// What `role` looks like on a terminal with `colors` colours (8 or more). The role's
    /// style for that depth (an explicit `[styles-8]`/`[styles-16]` entry, else `[styles]`)
    /// with colours the terminal lacks replaced by the nearest it has, unless that nearest
    /// one is unreadable on the role's background: then the nearest readable one, or the
    /// most readable there is.
    public func terminalStyle(_ role: StyleRole, colors: Int) -> TerminalStyle {
        let depth = ColorDepth(colors: colors)
        let style = style(role, depth: depth)
        let count = min(colors, 256)
        let back = style.background.reduced(to: count)
        var result = TerminalStyle(foreground: nil, background: back, attributes: style.attributes)
        guard style.foreground != .default else { return result }
        let nearest = style.foreground.reduced(to: count)
        result.foreground = nearest
        if case .indexed(let index) = style.foreground, index < count { return result }
        let required = requiredContrast(role)
        guard let nearest, Contrast.ratio(of: result, on: background) < required else { return result }
        let wanted = style.foreground.rgb
        let candidates = Array(0..<(count >= 256 ? 256 : min(count, 16)))
        let readable = candidates.filter { index in
            var trial = result
            trial.foreground = index
            return Contrast.ratio(of: trial, on: background) >= required
        }
        if !readable.isEmpty {
            result.foreground = ThemeColor.nearest(rgb: wanted, among: count >= 256 ? 256 : min(count, 16), allowed: Set(readable))
        } else {
            result.foreground = candidates.max { a, b in
                var first = result, second = result
                first.foreground = a
                second.foreground = b
                return Contrast.ratio(of: first, on: background) < Contrast.ratio(of: second, on: background)
            } ?? nearest
        }
        return result
    }
}
