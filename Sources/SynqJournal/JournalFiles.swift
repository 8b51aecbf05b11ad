import Foundation
import SynqFiles

/// Makes the journal's folder (0700) and file (0600) through `SecureFile` before SQLite
/// opens it, so the file is never readable by others, not even for a moment, and a symlink
/// planted at the folder, the file or a companion is refused, never followed. SQLite gives
/// its `-wal` and `-shm` files the mode of the database file; ones left by an older run
/// are narrowed the same way.
enum JournalFiles {
    static func prepare(_ location: JournalLocation) throws(JournalError) {
        // A missing state folder (~/.local/state) is made 0700 too, as XDG asks.
        let parent = (location.directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            try folder(parent) { () throws(SecureFileError) in try SecureFile.ensureDirectory(parent) }
        }
        try folder(location.directory) { () throws(SecureFileError) in try SecureFile.ensureDirectory(location.directory) }
        try file(location.file) { () throws(SecureFileError) in try SecureFile.ensurePrivateFile(location.file) }
        for companion in ["-wal", "-shm"] {
            let path = location.file + companion
            try file(path) { () throws(SecureFileError) in try SecureFile.ensurePrivateFile(path, createIfMissing: false) }
        }
    }

    /// False when the file's owner-write bit is off: someone made the journal read-only on
    /// purpose (root would otherwise write it anyway).
    static func ownerMayWrite(_ path: String) -> Bool {
        guard let mode = SecureFile.mode(of: path) else { return true }
        return mode & 0o200 != 0
    }

    private static func folder(_ path: String, _ body: () throws(SecureFileError) -> Void) throws(JournalError) {
        do throws(SecureFileError) { try body() } catch { throw .cannotCreateFolder(path, reason: reason(error)) }
    }

    private static func file(_ path: String, _ body: () throws(SecureFileError) -> Void) throws(JournalError) {
        do throws(SecureFileError) {
            try body()
        } catch .notRegularFile {
            throw .notAFile(path)
        } catch {
            throw .unusable(path, reason: reason(error))
        }
    }

    /// What went wrong, without the path the journal's own message already names.
    private static func reason(_ error: SecureFileError) -> String {
        switch error {
        case .writeFailed(_, let reason), .unreadable(_, let reason), .cannotCreate(_, let reason): reason
        case .notOwned: "it belongs to another user"
        case .notRegularFile: "it is not a regular folder or file (a symlink?)"
        case .tooOpen, .directoryTooOpen, .exists: error.description
        }
    }
}
