import Foundation

/// Why a theme could not be used. One line each, naming the file and the fix.
public enum ThemeError: Error, Sendable, Hashable {
    case notFound(name: String, searched: [String])
    case unreadable(path: String)
    case syntax(source: String, line: Int, column: Int, message: String)
    case notATable(source: String, key: String)
    case unknownRole(source: String, role: String)
    case unknownKey(source: String, role: String, key: String)
    case badColor(source: String, role: String, value: String)
    case badAttribute(source: String, role: String, value: String)
    case invalidName(String)
    case unknownSection(source: String, key: String)
    case missingStyles(source: String)
    case badSetting(source: String, key: String, value: String, expected: String)
}

extension ThemeError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .notFound(let name, let searched):
            let builtIns = BuiltinThemes.names.joined(separator: ", ")
            return "no theme named \"\(name)\" (built in: \(builtIns); also looked in \(searched.joined(separator: ", ")))"
        case .unreadable(let path):
            return "cannot read theme file \(path)"
        case .syntax(let source, let line, let column, let message):
            return "\(source):\(line):\(column): \(message)"
        case .notATable(let source, let key):
            return "\(source): \"\(key)\" must be a table like { fg = \"green\" }"
        case .unknownRole(let source, let role):
            return "\(source): unknown style role \"\(role)\" (roles: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .unknownKey(let source, let role, let key):
            return "\(source): [styles] \(role) has unknown key \"\(key)\" (use fg, bg, attrs)"
        case .badColor(let source, let role, let value):
            return "\(source): [styles] \(role): \"\(value)\" is not a colour (use a name like \"green\", \"#rrggbb\", 0-255 or \"default\")"
        case .badAttribute(let source, let role, let value):
            return "\(source): [styles] \(role): \"\(value)\" is not an attribute (use \(ThemeAttribute.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .unknownSection(let source, let key):
            return "\(source): unknown key \"\(key)\" (a theme has name, description, background, contrast, a [styles] table and optional [styles-16] and [styles-8])"
        case .missingStyles(let source):
            return "\(source): no [styles] table"
        case .badSetting(let source, let key, let value, let expected):
            return "\(source): \(key) = \"\(value)\" (use \(expected))"
        case .invalidName(let name):
            return "theme name \"\(name)\" may only contain letters, digits, - and _"
        }
    }

    public var errorDescription: String? { description }
}
