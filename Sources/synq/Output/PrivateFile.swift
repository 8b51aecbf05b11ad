import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creates files that only the owner can read, refusing to overwrite anything.
enum PrivateFile {
    static func checkCreatable(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { throw PrivateFileError.exists(path) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.isWritableFile(atPath: directory) { throw PrivateFileError.notWritable(path) }
    }

    static func create(_ path: String, contents: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw errno == EEXIST ? PrivateFileError.exists(path) : PrivateFileError.writeFailed(path, String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw PrivateFileError.writeFailed(path, reason)
            }
            written += n
        }
        if fsync(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw PrivateFileError.writeFailed(path, reason)
        }
    }
}

enum PrivateFileError: Error, CustomStringConvertible, LocalizedError {
    case exists(String)
    case notWritable(String)
    case writeFailed(String, String)

    var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; not overwriting it"
        case .notWritable(let path): "cannot create \(path): the folder is not writable"
        case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
        }
    }

    var errorDescription: String? { description }
}
