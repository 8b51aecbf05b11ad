import SynqTOML

/// Reads the theme file format (TOML):
///
/// ```toml
/// name = "default"
/// description = "For dark terminals."
///
/// [styles]
/// base      = { fg = "default", bg = "default" }
/// selection = { fg = "black", bg = "cyan", attrs = ["bold"] }
/// ```
///
/// Each key under `[styles]` is a `StyleRole` raw value; `fg`/`bg` take a colour name,
/// `"#rrggbb"`, a palette index (0-255) or `"default"`; `attrs` lists bold, dim,
/// underline, reverse, italic. `background = "dark"|"light"` says which terminals the theme
/// is for, `contrast = "AAA"` raises its bar from 4.5:1 to 7:1, and `[styles-16]` /
/// `[styles-8]` restyle roles for terminals with fewer colours. Anything else is an error
/// naming the file and line.
public enum ThemeParser {
    public static func parse(_ text: String, name: String, source: String) throws(ThemeError) -> Theme {
        let table: [String: TOMLNode]
        do {
            table = try TOMLText.parse(text)
        } catch {
            throw .syntax(source: source, line: error.line, column: error.column, message: error.message)
        }
        for key in table.keys.sorted() where !topLevelKeys.contains(key) {
            throw .unknownSection(source: source, key: key)
        }
        guard let entry = table["styles"] else { throw .missingStyles(source: source) }
        let styles = try section(entry, name: "styles", source: source)
        var depthStyles: [ColorDepth: [StyleRole: Style]] = [:]
        for depth in ColorDepth.allCases {
            guard let name = depth.section, let entry = table[name] else { continue }
            depthStyles[depth] = try section(entry, name: name, source: source)
        }
        var background = ThemeBackground.dark
        if let value = table["background"] {
            guard let text = value.string, let parsed = ThemeBackground(rawValue: text.lowercased()) else {
                throw .badSetting(source: source, key: "background", value: value.string ?? "\(value)", expected: "\"dark\" or \"light\"")
            }
            background = parsed
        }
        var minimum = Contrast.textAA
        if let value = table["contrast"] {
            switch value.string?.uppercased() {
            case "AA": minimum = Contrast.textAA
            case "AAA": minimum = Contrast.textAAA
            default: throw .badSetting(source: source, key: "contrast", value: value.string ?? "\(value)", expected: "\"AA\" (4.5:1) or \"AAA\" (7:1)")
            }
        }
        return Theme(name: (table["name"]?.string) ?? name, styles: styles, background: background,
                     minimumContrast: minimum, depthStyles: depthStyles)
    }

    static let topLevelKeys: Set<String> = ["name", "description", "background", "contrast", "styles", "styles-16", "styles-8"]

    private static func section(_ entry: TOMLNode, name: String, source: String) throws(ThemeError) -> [StyleRole: Style] {
        guard let styles = entry.table else { throw .notATable(source: source, key: name) }
        var result: [StyleRole: Style] = [:]
        for key in styles.keys.sorted() {
            guard let role = StyleRole(rawValue: key) else { throw .unknownRole(source: source, role: key) }
            guard let spec = styles[key]?.table else { throw .notATable(source: source, key: "\(name).\(key)") }
            result[role] = try style(spec, role: name == "styles" ? key : "\(key) (in [\(name)])", source: source)
        }
        return result
    }

    private static func style(_ spec: [String: TOMLNode], role: String, source: String) throws(ThemeError) -> Style {
        var style = Style()
        for key in spec.keys.sorted() {
            switch key {
            case "fg", "bg":
                let value = spec[key]
                let color: ThemeColor?
                if let text = value?.string {
                    color = ThemeColor(name: text)
                } else if let index = value?.integer, (0...255).contains(index) {
                    color = .indexed(index)
                } else {
                    color = nil
                }
                guard let color else { throw .badColor(source: source, role: role, value: value?.string ?? value.map { "\($0)" } ?? "") }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let list = spec[key]?.array else { throw .badAttribute(source: source, role: role, value: "attrs must be a list") }
                for item in list {
                    guard let text = item.string, let attribute = ThemeAttribute(rawValue: text.lowercased()) else {
                        throw .badAttribute(source: source, role: role, value: item.string ?? "\(item)")
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw .unknownKey(source: source, role: role, key: key)
            }
        }
        return style
    }
}
