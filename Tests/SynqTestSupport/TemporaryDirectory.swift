import Foundation

/// A fresh private folder for one test, removed when the test is done with it.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("synq-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Removes the folder now rather than when the last reference goes.
    public func remove() { try? FileManager.default.removeItem(at: url) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
