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
/// underline, reverse, italic. Anything else is an error naming the file and line.
public enum ThemeParser {
    public static func parse(_ text: String, name: String, source: String) throws(ThemeError) -> Theme {
        let table: [String: TOMLNode]
        do {
            table = try TOMLText.parse(text)
        } catch {
            throw .syntax(source: source, line: error.line, column: error.column, message: error.message)
        }
        for key in table.keys.sorted() where !["name", "description", "styles"].contains(key) {
            throw .unknownSection(source: source, key: key)
        }
        guard let entry = table["styles"] else { throw .missingStyles(source: source) }
        guard let styles = entry.table else { throw .notATable(source: source, key: "styles") }
        var result: [StyleRole: Style] = [:]
        for key in styles.keys.sorted() {
            guard let role = StyleRole(rawValue: key) else { throw .unknownRole(source: source, role: key) }
            guard let spec = styles[key]?.table else { throw .notATable(source: source, key: "styles.\(key)") }
            result[role] = try style(spec, role: key, source: source)
        }
        return Theme(name: (table["name"]?.string) ?? name, styles: result)
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
