import Foundation

/// A throw-away HOME and XDG_CONFIG_HOME for one test, so nothing touches the real home.
public final class ScratchHome: Sendable {
    public let directory: TemporaryDirectory
    public let home: String
    public let xdg: String

    public init() throws {
        directory = try TemporaryDirectory()
        home = directory.path("home")
        xdg = directory.path("xdg")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    public var environment: [String: String] { ["HOME": home, "XDG_CONFIG_HOME": xdg] }

    /// Every regular file under HOME and XDG_CONFIG_HOME.
    public func allFiles() -> [String] {
        var found: [String] = []
        for root in [home, xdg] {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { found.append(path) }
            }
        }
        return found
    }

    /// Files our code wrote (Foundation's own caches under ~/.cache and ~/.local are not ours).
    public func ourFiles() -> [String] {
        allFiles().filter { !$0.hasPrefix(home + "/.cache") && !$0.hasPrefix(home + "/.local") }
    }

    /// A file's text, or "" when it cannot be read.
    public static func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
