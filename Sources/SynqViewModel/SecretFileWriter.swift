import Foundation
import SynqAPI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Saves a secret to a file only its owner can read.
public protocol SecretFileWriting: Sendable {
    /// Writes `secret` to a new file at `path` (or `path` with a numbered suffix if taken)
    /// and returns the path written. Never overwrites, never follows a symlink.
    func write(_ secret: Secret, to path: String) async throws(SecretFileError) -> String
}

/// The live writer: `open(O_CREAT|O_EXCL|O_NOFOLLOW, 0600)`, so an existing file or a
/// planted symlink is never written through, and the mode is private from the first byte.
public struct SecretFileWriter: SecretFileWriting {
    /// How many numbered alternatives (`name-2.txt` …) to try when the path is taken.
    public var alternatives: Int

    public init(alternatives: Int = 20) { self.alternatives = alternatives }

    public func write(_ secret: Secret, to path: String) async throws(SecretFileError) -> String {
        var lastError = SecretFileError.exists(path: path)
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

    static func create(_ path: String, contents: String) throws(SecretFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 {
            let code = errno
            if code == EEXIST || code == ELOOP { throw .exists(path: path) }
            throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        // The mode given to open() is filtered by the umask; make sure it is exactly 0600.
        _ = fchmod(fd, 0o600)
        var bytes = Array(contents.utf8)
        defer { for i in bytes.indices { bytes[i] = 0 } }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                systemWrite(fd, raw.baseAddress!.advanced(by: offset), raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw .writeFailed(path: path, reason: reason)
            }
            offset += written
        }
        if fsync(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw .writeFailed(path: path, reason: reason)
        }
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
