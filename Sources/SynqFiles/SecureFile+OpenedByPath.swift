import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SecureFile {
    /// Readies a private file that a library then opens by its path (the journal's SQLite
    /// database and its `-wal`/`-shm` companions): created 0600 when missing (and
    /// `createIfMissing`), with group and others' bits taken away when it has any, and refused when a symlink, a folder
    /// or another user's file sits there. Never follows a link; checked on the descriptor
    /// actually opened. Nothing is read or written.
    public static func ensurePrivateFile(_ path: String, createIfMissing: Bool = true) throws(SecureFileError) {
        var options: FileDescriptor.OpenOptions = [.noFollow, .closeOnExec, .nonBlocking]
        if createIfMissing { options.insert(.create) }
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(FilePath(path), .readOnly, options: options,
                                         permissions: createIfMissing ? FilePermissions(rawValue: 0o600) : nil)
        } catch let error as Errno {
            if error == .noSuchFileOrDirectory, !createIfMissing { return }
            if error == .tooManySymbolicLinkLevels || error == .isDirectory { throw .notRegularFile(path: path) }
            throw .cannotCreate(path: path, reason: describe(error))
        } catch {
            throw .cannotCreate(path: path, reason: "\(error)")
        }
        defer { try? fd.close() }
        let mode = try ownedRegularFileMode(fd, path: path)
        // Group and others lose every bit; the owner's are left as they are (a journal the user
        // made read-only stays read-only).
        if mode & 0o077 != 0, fchmod(fd.rawValue, mode_t(mode & 0o700)) != 0 {
            throw .writeFailed(path: path, reason: lastError())
        }
    }
}
