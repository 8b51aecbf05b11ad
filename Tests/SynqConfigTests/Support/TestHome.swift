import Foundation
import SynqFiles
import SynqConfig
import SynqTestSupport

/// A throw-away HOME and XDG_CONFIG_HOME for one test, so nothing touches the real home.
final class TestHome: Sendable {
    let scratch: TemporaryDirectory
    let home: String
    let xdg: String

    init() throws {
        scratch = try TemporaryDirectory()
        home = scratch.path("home")
        xdg = scratch.path("xdg")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    var environment: [String: String] { ["HOME": home, "XDG_CONFIG_HOME": xdg] }
    var locations: ConfigLocations { ConfigLocations(environment: environment) }

    /// Every regular file under HOME and XDG_CONFIG_HOME.
    func allFiles() -> [String] {
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
    func ourFiles() -> [String] {
        allFiles().filter { !$0.hasPrefix(home + "/.cache") && !$0.hasPrefix(home + "/.local") }
    }

    static func mode(_ path: String) -> UInt16? { SecureFile.mode(of: path) }

    static func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
