import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Private files on disk: folders 0700, files 0600, written atomically (a temporary file in
/// the same folder, fsync, rename over the target, fsync of the folder), so a crash mid-write
/// leaves either the old file or the new one, never half of one. Reading a secrets file that
/// group or others could read is refused, as ssh refuses a loose private key.
public enum SecureFile {
    /// Creates `path` (and missing parents) with mode 0700. An existing folder of ours that is
    /// looser is tightened when `tighten` is set: it is our own config folder and nothing else
    /// should live there. A folder the user named (`--out DIR`) is never re-moded: one that
    /// group or others can write is refused instead.
    public static func ensureDirectory(_ path: String, tighten: Bool = true) throws(SecureFileError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .writeFailed(path: path, reason: "exists and is not a folder") }
            guard info.st_uid == geteuid() else { throw .notOwned(path: path) }
            let mode = UInt16(truncatingIfNeeded: info.st_mode & 0o7777)
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
        var info = stat()
        guard lstat(directory, &info) == 0 else {
            guard errno == ENOENT else { throw .unreadable(path: directory, reason: lastError()) }
            var ancestor = (directory as NSString).deletingLastPathComponent
            while !ancestor.isEmpty, lstat(ancestor, &info) != 0 {
                guard errno == ENOENT, ancestor != "/" else { throw .unreadable(path: ancestor, reason: lastError()) }
                ancestor = (ancestor as NSString).deletingLastPathComponent
            }
            if ancestor.isEmpty { ancestor = "." }
            // stat, not lstat: an ancestor such as /home may legitimately be a symlink.
            guard stat(ancestor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .writeFailed(path: directory, reason: "\(ancestor) is not a folder")
            }
            guard access(ancestor, W_OK | X_OK) == 0 else {
                throw .writeFailed(path: directory, reason: "cannot create it: \(ancestor) is not writable (\(lastError()))")
            }
            return
        }
        if (info.st_mode & S_IFMT) == S_IFLNK { throw .notRegularFile(path: directory) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .writeFailed(path: directory, reason: "exists and is not a folder") }
        guard info.st_uid == geteuid() else { throw .notOwned(path: directory) }
        let mode = UInt16(truncatingIfNeeded: info.st_mode & 0o7777)
        if !tighten && mode & 0o022 != 0 { throw .directoryTooOpen(path: directory, mode: mode) }
        guard access(directory, W_OK | X_OK) == 0 else { throw .writeFailed(path: directory, reason: "the folder is not writable (\(lastError()))") }
        for file in files {
            guard lstat(file, &info) == 0 else {
                guard errno == ENOENT else { throw .unreadable(path: file, reason: lastError()) }
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(path: file) }
            guard info.st_uid == geteuid() else { throw .notOwned(path: file) }
        }
    }

    /// Atomically replaces `path` with `data` at `mode` (0600 unless the file holds no secret).
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o600) throws(SecureFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .writeFailed(path: path, reason: lastError()) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        // mkstemp creates 0600; set the final mode before any byte is written.
        guard fchmod(fd, mode) == 0 else {
            let reason = lastError()
            close(fd)
            throw .writeFailed(path: path, reason: reason)
        }
        var written = 0
        let bytes = [UInt8](data)
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { POSIX.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = lastError()
                close(fd)
                throw .writeFailed(path: path, reason: reason)
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            let reason = lastError()
            close(fd)
            throw .writeFailed(path: path, reason: reason)
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw .writeFailed(path: path, reason: lastError()) }
        renamed = true
        syncDirectory(directory.isEmpty ? "." : directory)
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
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw .notRegularFile(path: path) }
            throw .unreadable(path: path, reason: lastError())
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: lastError()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(path: path) }
        guard info.st_uid == geteuid() else { throw .notOwned(path: path) }
        let mode = UInt16(truncatingIfNeeded: info.st_mode & 0o7777)
        guard mode & forbidden == 0 else { throw .tooOpen(path: path, mode: mode) }
        return try readAll(fd, path: path)
    }

    /// Permission bits of `path`, or `nil` when it does not exist.
    public static func mode(of path: String) -> UInt16? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return UInt16(truncatingIfNeeded: info.st_mode & 0o7777)
    }

    private static func readAll(_ fd: Int32, path: String) throws(SecureFileError) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = buffer.withUnsafeMutableBytes { POSIX.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: lastError())
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            if data.count > 4 * 1_048_576 { throw .unreadable(path: path, reason: "larger than 4 MiB") }
        }
        return data
    }

    /// Makes the rename itself durable.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
