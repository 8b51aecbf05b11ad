import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the journal's folder (0700) and file (0600) before SQLite opens it, so the file is
/// never readable by others, not even for a moment. SQLite gives its `-wal` and `-shm`
/// files the mode of the database file.
enum JournalFiles {
    static func prepare(_ location: JournalLocation) throws(JournalError) {
        try makeFolder(location.directory)
        try makeFile(location.file)
        for companion in ["-wal", "-shm"] { try narrowIfPresent(location.file + companion) }
    }

    /// A `-wal` or `-shm` file left by an older run keeps no wider mode than the journal.
    static func narrowIfPresent(_ path: String) throws(JournalError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
        if info.st_mode & 0o077 != 0, chmod(path, 0o600) != 0 { throw .unusable(path, reason: errnoText()) }
    }

    /// Creates the folder and any missing parents (parents 0700 too, as XDG asks of state
    /// folders), and narrows an existing `synq` folder to 0700.
    static func makeFolder(_ path: String) throws(JournalError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotCreateFolder(path, reason: "it exists and is not a folder") }
            if info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
                throw .cannotCreateFolder(path, reason: errnoText())
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, lstat(parent, &info) != 0 { try makeFolder(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw .cannotCreateFolder(path, reason: errnoText()) }
    }

    /// Creates the file 0600 if missing (never following a symlink), or narrows it to 0600.
    static func makeFile(_ path: String) throws(JournalError) {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == ELOOP { throw .notAFile(path) }
            throw .unusable(path, reason: errnoText())
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
        if info.st_mode & 0o077 != 0, fchmod(fd, 0o600) != 0 { throw .unusable(path, reason: errnoText()) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
