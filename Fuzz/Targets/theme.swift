import Foundation
@testable import SynqTUI
import SynqText

// libFuzzer target: any bytes as a theme file. ThemeParser either returns a theme or throws
// a ThemeError (the signature's typed throw makes any other error impossible) with a
// description; a theme's colours reduce to valid palette indices for every
// terminal; parsing is deterministic.
//
// The bytes go through the same path as ThemeLoader reading a file: UTF-8 or "unreadable".

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheme(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(data: Data(bytes: start, count: count), encoding: .utf8) else { return 0 }
    let theme: Theme
    do {
        theme = try ThemeParser.parse(text, name: "fuzz", source: "fuzz.toml")
    } catch {
        // The description may quote a key or value from the file verbatim, control characters
        // and all; the one caller, synq's ThemeSelection, prints it through Sanitizer.clean.
        if error.description.isEmpty { fatalError("empty theme error") }
        return 0
    }
    for role in StyleRole.allCases {
        let style = theme.style(role)
        for color in [style.foreground, style.background] {
            for colors in [0, 1, 8, 16, 88, 256] {
                if let index = color.reduced(to: colors), !(0...255).contains(index) || (colors > 0 && index >= colors) {
                    fatalError("\(color) reduced to \(colors) colours gave \(index)")
                }
            }
        }
    }
    guard let again = try? ThemeParser.parse(text, name: "fuzz", source: "fuzz.toml"), again == theme else {
        fatalError("parsing the same theme twice gave different results")
    }
    return 0
}
