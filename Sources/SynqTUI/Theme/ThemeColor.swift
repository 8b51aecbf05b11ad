/// A colour as a theme names it: the terminal's default, one of the 16 ANSI colours, an
/// index in the 256-colour palette, or 24-bit RGB. `reduced(to:)` picks the nearest colour a
/// terminal with fewer colours can show.
public enum ThemeColor: Sendable, Hashable {
    case `default`
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses `"default"`, a colour name, `"#rrggbb"`, or a palette index given as text.
    public init?(name: String) {
        let text = name.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "default" || text == "none" { self = .default; return }
        if let index = Self.names[text] { self = .indexed(index); return }
        if text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
            return
        }
        if let index = Int(text), (0...255).contains(index) { self = .indexed(index); return }
        return nil
    }

    /// The palette index to use on a terminal with `colors` colours; nil means the default colour.
    public func reduced(to colors: Int) -> Int? {
        switch self {
        case .default:
            return nil
        case .indexed(let index):
            if index < colors { return index }
            return Self.nearest(rgb: Self.paletteRGB(index), among: min(colors, 16))
        case .rgb(let r, let g, let b):
            if colors >= 256 { return Self.nearest(rgb: (Int(r), Int(g), Int(b)), among: 256) }
            return Self.nearest(rgb: (Int(r), Int(g), Int(b)), among: min(colors, 16))
        }
    }

    /// The colour as RGB: a palette entry's xterm value; the default colour counts as mid grey.
    var rgb: (Int, Int, Int) {
        switch self {
        case .default: (128, 128, 128)
        case .indexed(let index): Self.paletteRGB(index)
        case .rgb(let r, let g, let b): (Int(r), Int(g), Int(b))
        }
    }

    /// The xterm palette's RGB for an index.
    static func paletteRGB(_ index: Int) -> (Int, Int, Int) {
        let base16: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return base16[max(0, index)] }
        if index < 232 {
            let value = index - 16
            let levels = [0, 95, 135, 175, 215, 255]
            return (levels[value / 36], levels[value / 6 % 6], levels[value % 6])
        }
        let gray = 8 + (min(index, 255) - 232) * 10
        return (gray, gray, gray)
    }

    /// The index among the first `count` palette entries closest to `rgb`. For 8 colours the
    /// comparison uses hue buckets as well as distance, so a dark orange still lands on yellow
    /// or red rather than black.
    static func nearest(rgb: (Int, Int, Int), among count: Int, allowed: Set<Int>? = nil) -> Int {
        guard count > 0 else { return 0 }
        var best = allowed?.min() ?? 0
        var bestDistance = Int.max
        for index in 0..<count where allowed?.contains(index) ?? true {
            let candidate = count <= 8 ? saturated(index) : paletteRGB(index)
            let dr = candidate.0 - rgb.0, dg = candidate.1 - rgb.1, db = candidate.2 - rgb.2
            let distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db
            if distance < bestDistance {
                bestDistance = distance
                best = index
            }
        }
        return best
    }

    /// For matching on 8-colour terminals, the basic colours are treated as their pure
    /// hues at half intensity, which divides the RGB cube more evenly than xterm's values.
    private static func saturated(_ index: Int) -> (Int, Int, Int) {
        let on = 160
        return ((index & 1) != 0 ? on : 0, (index & 2) != 0 ? on : 0, (index & 4) != 0 ? on : 0)
    }
}

/// Attributes a style can switch on.
public enum ThemeAttribute: String, Sendable, Hashable, CaseIterable {
    case bold, dim, underline, reverse, italic
}

/// How one role looks.
public struct Style: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: Set<ThemeAttribute>

    public init(foreground: ThemeColor = .default, background: ThemeColor = .default, attributes: Set<ThemeAttribute> = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
