/// WCAG 2 contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) between colours of
/// the palette the renderer assumes (xterm's defaults, `ThemeColor.paletteRGB`).
public enum Contrast {
    /// WCAG AA for text.
    public static let textAA = 4.5
    /// WCAG AAA for text.
    public static let textAAA = 7.0
    /// WCAG 1.4.11 for non-text marks (borders).
    public static let nonText = 3.0

    public typealias RGB = (Int, Int, Int)

    /// The relative luminance of an sRGB colour, 0 (black) to 1 (white).
    static func luminance(_ rgb: RGB) -> Double {
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }

    /// 1 (the same) to 21 (black on white), whichever way round.
    public static func ratio(_ first: RGB, _ second: RGB) -> Double {
        let a = luminance(first), b = luminance(second)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The contrast of text drawn in `style` on a terminal whose own colours are those of
    /// `background` (what "default" means). Reverse swaps the two. Bold text in one of the
    /// first eight colours counts at its worse of normal and bright, because many terminals
    /// (xterm, the Linux console) show bold as the bright colour.
    public static func ratio(of style: TerminalStyle, on background: ThemeBackground) -> Double {
        var foreground = style.foreground.map(ThemeColor.paletteRGB) ?? background.defaultForeground
        var back = style.background.map(ThemeColor.paletteRGB) ?? background.defaultBackground
        if style.attributes.contains(.reverse) { swap(&foreground, &back) }
        var worst = ratio(foreground, back)
        if style.attributes.contains(.bold), !style.attributes.contains(.reverse), let index = style.foreground, index < 8 {
            worst = min(worst, ratio(ThemeColor.paletteRGB(index + 8), back))
        }
        return worst
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
