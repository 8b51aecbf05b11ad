import Foundation
import SynqAPI
import SynqFiles

/// Saves a secret to a file only its owner can read.
public protocol SecretFileWriting: Sendable {
    /// Writes `secret` to a new file at `path` (or `path` with a numbered suffix if taken)
    /// and returns the path written. Never overwrites, never follows a symlink.
    func write(_ secret: Secret, to path: String) async throws(SecureFileError) -> String
}

/// The live writer: `SecureFile.create` (exclusive, no symlink followed, 0600 from the first
/// byte), so an existing file or a planted symlink is never written through.
public struct SecretFileWriter: SecretFileWriting {
    /// How many numbered alternatives (`name-2.txt` …) to try when the path is taken.
    public var alternatives: Int

    public init(alternatives: Int = 20) { self.alternatives = alternatives }

    public func write(_ secret: Secret, to path: String) async throws(SecureFileError) -> String {
        var lastError = SecureFileError.exists(path: path)
        for candidate in Self.candidates(for: path, count: alternatives) {
            do {
                try Self.create(candidate, contents: secret.reveal() + "\n")
                return candidate
            } catch {
                lastError = error
                if case .exists = error { continue }
                throw error
            }
        }
        throw lastError
    }

    /// `path`, then `stem-2.ext`, `stem-3.ext`, …
    static func candidates(for path: String, count: Int) -> [String] {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return [path] + (0..<max(0, count)).map { index in
            ext.isEmpty ? "\(stem)-\(index + 2)" : "\(stem)-\(index + 2).\(ext)"
        }
    }

    static func create(_ path: String, contents: String) throws(SecureFileError) {
        var bytes = Data(contents.utf8)
        defer { bytes.resetBytes(in: 0..<bytes.count) }
        try SecureFile.create(bytes, at: path)
    }
}
