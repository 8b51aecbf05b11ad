/// How many colours a terminal shows, as far as a theme is concerned: the 256-colour
/// palette, the 16 ANSI colours (`xterm-16color`), or only the first eight (`xterm`,
/// `linux`, many SSH sessions).
public enum ColorDepth: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case colors256 = 256
    case colors16 = 16
    case colors8 = 8

    /// The depth a terminal reporting `colors` colours gets (fewer than 8 has no colour at all
    /// and uses the monochrome theme instead).
    public init(colors: Int) {
        self = colors >= 256 ? .colors256 : colors >= 16 ? .colors16 : .colors8
    }

    /// The theme file section whose roles replace `[styles]` at this depth, if any.
    public var section: String? {
        switch self {
        case .colors256: nil
        case .colors16: "styles-16"
        case .colors8: "styles-8"
        }
    }

    /// The depths whose explicit styles apply here, most specific first: on 8 colours a
    /// role from `[styles-8]`, else `[styles-16]`, else `[styles]`.
    var fallbackChain: [ColorDepth] {
        switch self {
        case .colors256: []
        case .colors16: [.colors16]
        case .colors8: [.colors8, .colors16]
        }
    }

    public var description: String { "\(rawValue) colours" }
}
