import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one writer and the one reader of private files (config, credentials, keys, env files,
/// manifests, saved keys), on swift-system's `FileDescriptor`:
///
/// - `ensureDirectory`: folders 0700;
/// - `write`: atomic replace — a new temporary file in the same folder (`.exclusiveCreate`,
///   `.noFollow`), every byte written (EINTR-safe `writeAll`), fsync, rename over the target,
///   fsync of the folder — so a crash leaves the old file or the new one, never half of one;
/// - `create`: a new file that must not exist yet (`.exclusiveCreate`, `.noFollow`, 0600), for
///   a one-time key that must never overwrite anything;
/// - `readPrivate`: refuses a file that group or others can read, that is not ours or not
///   regular, checked on the descriptor actually opened, as ssh refuses a loose key.
public enum SecureFile {
    /// Creates `path` (and missing parents) with mode 0700. An existing folder of ours that is
    /// looser is tightened when `tighten` is set: it is our own config folder and nothing else
    /// should live there. A folder the user named (`--out DIR`) is never re-moded: one that
    /// group or others can write is refused instead.
    public static func ensureDirectory(_ path: String, tighten: Bool = true) throws(SecureFileError) {
        if let info = try? FilePath(path).stat(followTargetSymlink: false) {
            guard info.type == .directory else { throw .writeFailed(path: path, reason: "exists and is not a folder") }
            guard info.userID.rawValue == geteuid() else { throw .notOwned(path: path) }
            let mode = UInt16(truncatingIfNeeded: info.permissions.rawValue & 0o7777)
            if tighten {
                if mode & 0o077 != 0, chmod(path, 0o700) != 0 { throw .writeFailed(path: path, reason: lastError()) }
            } else if mode & 0o022 != 0 {
                throw .directoryTooOpen(path: path, mode: mode)
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, access(parent, F_OK) != 0 {
            // Parents such as ~/.config are ordinary folders; only the leaf is private.
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw .writeFailed(path: parent, reason: "cannot create folder")
            }
        }
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw .writeFailed(path: path, reason: lastError()) }
        // mkdir's mode is filtered by the umask; set it explicitly.
        if chmod(path, 0o700) != 0 { throw .writeFailed(path: path, reason: lastError()) }
    }

    /// Checks, creating nothing, that `ensureDirectory(directory, tighten:)` and a `write` of
    /// each of `files` would succeed: the folder (or, when it is missing, the nearest folder
    /// above it) is a real folder we may write, the folder is ours, and each file that exists
    /// is a regular file of ours, not a symlink. Run before anything irreversible, such as
    /// creating a synchronizer whose key only this run will ever hold.
    public static func checkDestination(directory: String, files: [String], tighten: Bool = true) throws(SecureFileError) {
        let info: Stat
        switch lstat(directory) {
        case .failure(let error) where error == .noSuchFileOrDirectory:
            try checkCreatableFolder(directory)
            return
        case .failure(let error):
            throw .unreadable(path: directory, reason: describe(error))
        case .success(let found):
            info = found
        }
        if info.type == .symbolicLink { throw .notRegularFile(path: directory) }
        guard info.type == .directory else { throw .writeFailed(path: directory, reason: "exists and is not a folder") }
        guard info.userID.rawValue == geteuid() else { throw .notOwned(path: directory) }
        let mode = UInt16(truncatingIfNeeded: info.permissions.rawValue & 0o7777)
        if !tighten && mode & 0o022 != 0 { throw .directoryTooOpen(path: directory, mode: mode) }
        guard access(directory, W_OK | X_OK) == 0 else { throw .writeFailed(path: directory, reason: "the folder is not writable (\(lastError()))") }
        for file in files {
            switch lstat(file) {
            case .failure(let error) where error == .noSuchFileOrDirectory:
                continue
            case .failure(let error):
                throw .unreadable(path: file, reason: describe(error))
            case .success(let found):
                guard found.type == .regular else { throw .notRegularFile(path: file) }
                guard found.userID.rawValue == geteuid() else { throw .notOwned(path: file) }
            }
        }
    }

    /// A missing folder can be made when the nearest folder above it exists and is writable.
    private static func checkCreatableFolder(_ directory: String) throws(SecureFileError) {
        var ancestor = (directory as NSString).deletingLastPathComponent
        while !ancestor.isEmpty, ancestor != "/", access(ancestor, F_OK) != 0 {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        if ancestor.isEmpty { ancestor = "." }
        // Following links: an ancestor such as /home may legitimately be a symlink.
        guard let info = try? FilePath(ancestor).stat(), info.type == .directory else {
            throw .writeFailed(path: directory, reason: "\(ancestor) is not a folder")
        }
        guard access(ancestor, W_OK | X_OK) == 0 else {
            throw .writeFailed(path: directory, reason: "cannot create it: \(ancestor) is not writable (\(lastError()))")
        }
    }

    /// Checks that `create` could make `path`: nothing there yet, and its folder exists and
    /// is writable. Said before an irreversible request (a one-time key is created only once).
    public static func checkCreatable(_ path: String) throws(SecureFileError) {
        if case .success = lstat(path) { throw .exists(path: path) }
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        guard let info = try? FilePath(folder).stat() else { throw .cannotCreate(path: path, reason: "the folder \(folder) does not exist") }
        guard info.type == .directory else { throw .cannotCreate(path: path, reason: "\(folder) is not a folder") }
        guard access(folder, W_OK | X_OK) == 0 else { throw .cannotCreate(path: path, reason: "the folder \(folder) is not writable") }
    }

    /// Atomically replaces `path` with `data` at `mode` (0600 unless the file holds no secret).
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o600) throws(SecureFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let folder = directory.isEmpty ? "." : directory
        var generator = SystemRandomNumberGenerator()
        var opened: (FileDescriptor, String)?
        for _ in 0..<16 where opened == nil {
            let suffix = String(UInt64.random(in: .min ... .max, using: &generator), radix: 36)
            let temporary = folder + "/.\(name).tmp-\(suffix)"
            switch openNew(temporary, permissions: 0o600) {
            case .success(let fd): opened = (fd, temporary)
            case .failure(let error) where error == .fileExists: continue
            case .failure(let error): throw .writeFailed(path: path, reason: describe(error))
            }
        }
        guard let (fd, temporary) = opened else { throw .writeFailed(path: path, reason: "cannot make a temporary file") }
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        // Set the final mode before any byte is written (the open's mode passed the umask).
        if fchmod(fd.rawValue, mode) != 0 {
            let reason = lastError()
            try? fd.close()
            throw .writeFailed(path: path, reason: reason)
        }
        if let reason = writeAndSync(data, to: fd) { throw .writeFailed(path: path, reason: reason) }
        guard rename(temporary, path) == 0 else { throw .writeFailed(path: path, reason: lastError()) }
        renamed = true
        syncDirectory(folder)
    }

    /// Writes `data` to a new file at `path`, mode 0600, never replacing anything: a file or
    /// symlink already at `path` is `.exists`. A failed write removes the partial file.
    public static func create(_ data: Data, at path: String) throws(SecureFileError) {
        let fd: FileDescriptor
        switch openNew(path, permissions: 0o600) {
        case .success(let opened): fd = opened
        case .failure(let error) where error == .fileExists || error == .tooManySymbolicLinkLevels: throw .exists(path: path)
        case .failure(let error): throw .cannotCreate(path: path, reason: describe(error))
        }
        // The open's mode passed the umask; make it exactly 0600.
        _ = fchmod(fd.rawValue, 0o600)
        if let reason = writeAndSync(data, to: fd) {
            unlink(path)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// The contents of a file that holds secrets, or `nil` when it does not exist. Refused when
    /// it is not a regular file, belongs to someone else, or has any of the `forbidden`
    /// permission bits (by default: any access for group or others). A file that only steers
    /// where keys are sent passes `0o022`, as ssh does for its config: others may read it but
    /// never write it. Every check is on the file actually opened (`fstat` of the descriptor),
    /// as ssh checks a private key: a symlink is refused in our own folders, and followed for a
    /// file the user names (`followLinks`, e.g. a Kubernetes secret mount), whose target must
    /// then pass the same checks.
    public static func readPrivate(_ path: String, forbidden: UInt16 = 0o077, followLinks: Bool = false) throws(SecureFileError) -> Data? {
        var options: FileDescriptor.OpenOptions = [.closeOnExec, .nonBlocking]
        if !followLinks { options.insert(.noFollow) }
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(FilePath(path), .readOnly, options: options)
        } catch let error as Errno {
            if error == .noSuchFileOrDirectory { return nil }
            if error == .tooManySymbolicLinkLevels { throw .notRegularFile(path: path) }
            throw .unreadable(path: path, reason: describe(error))
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        defer { try? fd.close() }
        let mode = try ownedRegularFileMode(fd, path: path)
        guard mode & forbidden == 0 else { throw .tooOpen(path: path, mode: mode) }
        return try readAll(fd, path: path)
    }

    /// The permission bits of the file actually opened, once it is known to be a regular
    /// file of ours.
    static func ownedRegularFileMode(_ fd: FileDescriptor, path: String) throws(SecureFileError) -> UInt16 {
        let info: Stat
        do {
            info = try fd.stat()
        } catch {
            throw .unreadable(path: path, reason: describe(error))
        }
        guard info.type == .regular else { throw .notRegularFile(path: path) }
        guard info.userID.rawValue == geteuid() else { throw .notOwned(path: path) }
        return UInt16(truncatingIfNeeded: info.permissions.rawValue & 0o7777)
    }

    /// Permission bits of `path`, or `nil` when it does not exist.
    public static func mode(of path: String) -> UInt16? {
        guard case .success(let info) = lstat(path) else { return nil }
        return UInt16(truncatingIfNeeded: info.permissions.rawValue & 0o7777)
    }

    private static func lstat(_ path: String) -> Result<Stat, Errno> {
        Result { () throws(Errno) in try FilePath(path).stat(followTargetSymlink: false) }
    }

    private static func openNew(_ path: String, permissions: CInterop.Mode) -> Result<FileDescriptor, Errno> {
        Result { () throws(Errno) in
            do {
                return try FileDescriptor.open(FilePath(path), .writeOnly, options: [.create, .exclusiveCreate, .noFollow, .closeOnExec],
                                               permissions: FilePermissions(rawValue: permissions))
            } catch let error as Errno {
                throw error
            } catch {
                throw Errno.ioError
            }
        }
    }

    /// Writes every byte (retrying on EINTR), fsyncs and closes; the reason on failure.
    private static func writeAndSync(_ data: Data, to fd: FileDescriptor) -> String? {
        do {
            _ = try fd.writeAll(data)
        } catch {
            try? fd.close()
            return describe(error)
        }
        guard fsync(fd.rawValue) == 0 else {
            let reason = lastError()
            try? fd.close()
            return reason
        }
        do {
            try fd.close()
        } catch {
            return describe(error)
        }
        return nil
    }

    private static func readAll(_ fd: FileDescriptor, path: String) throws(SecureFileError) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n: Int
            do {
                n = try buffer.withUnsafeMutableBytes { try fd.read(into: $0) }
            } catch {
                throw .unreadable(path: path, reason: describe(error))
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            if data.count > 4 * 1_048_576 { throw .unreadable(path: path, reason: "larger than 4 MiB") }
        }
        return data
    }

    /// Makes the rename itself durable.
    private static func syncDirectory(_ directory: String) {
        guard let fd = try? FileDescriptor.open(FilePath(directory), .readOnly, options: [.directory, .closeOnExec]) else { return }
        _ = fsync(fd.rawValue)
        try? fd.close()
    }

    /// The C library's wording ("No such file or directory"), as messages always said.
    static func describe(_ error: any Error) -> String {
        if let errno = error as? Errno { return String(cString: strerror(errno.rawValue)) }
        return "\(error)"
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
