import Foundation

/// Finds a theme by name: a file path if the name looks like one, then the user's theme
/// folder (`$XDG_CONFIG_HOME/synq/themes/NAME.toml`, else `~/.config/synq/themes`), then
/// the built-ins. A user file with a built-in's name replaces it. `NO_COLOR` wins over all.
public struct ThemeLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public static let defaultName = "default"

    /// The user's theme folder.
    public var userThemeDirectory: String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/synq/themes" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/synq/themes"
    }

    /// True when the user asked for no colour (https://no-color.org: set and not empty).
    public var noColor: Bool { !(environment["NO_COLOR"] ?? "").isEmpty }

    public func load(_ requested: String?) throws(ThemeError) -> Theme {
        if noColor { return try builtIn("monochrome") }
        let name = requested ?? Self.defaultName
        if name.contains("/") || name.hasSuffix(".toml") {
            return try file(name, name: URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent)
        }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw .invalidName(name)
        }
        let userPath = userThemeDirectory + "/" + name + ".toml"
        if FileManager.default.fileExists(atPath: userPath) { return try file(userPath, name: name) }
        if BuiltinThemes.source(named: name) != nil { return try builtIn(name) }
        throw .notFound(name: name, searched: [userThemeDirectory])
    }

    public func builtIn(_ name: String) throws(ThemeError) -> Theme {
        guard let source = BuiltinThemes.source(named: name) else { throw .notFound(name: name, searched: []) }
        return try ThemeParser.parse(source, name: name, source: "built-in theme \(name)")
    }

    private func file(_ path: String, name: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        return try ThemeParser.parse(text, name: name, source: path)
    }
}
