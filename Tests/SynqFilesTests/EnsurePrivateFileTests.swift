import Foundation
import SynqFiles
import SynqTestSupport
import Testing

/// `SecureFile.ensurePrivateFile`: a private file another library opens by path.
@Suite("Private files: readied for a library that opens them by path")
struct EnsurePrivateFileTests {
    @Test("made 0600 whatever the umask; others' bits taken away, the owner's left alone")
    func modes() throws {
        let scratch = try ScratchHome()
        let previous = umask(0)
        defer { umask(previous) }
        let path = scratch.home + "/journal.sqlite"
        try SecureFile.ensurePrivateFile(path)
        #expect(SecureFile.mode(of: path) == 0o600)
        chmod(path, 0o644)
        try SecureFile.ensurePrivateFile(path)
        #expect(SecureFile.mode(of: path) == 0o600)
        // Made read-only by its owner: stays read-only.
        chmod(path, 0o444)
        try SecureFile.ensurePrivateFile(path)
        #expect(SecureFile.mode(of: path) == 0o400)
        // A companion that is not there is not made.
        try SecureFile.ensurePrivateFile(path + "-wal", createIfMissing: false)
        #expect(SecureFile.mode(of: path + "-wal") == nil)
    }

    @Test("a symlink or a folder at the path is refused and nothing is followed")
    func plantedThings() throws {
        let scratch = try ScratchHome()
        let link = scratch.home + "/link"
        symlink(scratch.home + "/target", link)
        #expect(throws: SecureFileError.notRegularFile(path: link)) { try SecureFile.ensurePrivateFile(link) }
        #expect(throws: SecureFileError.notRegularFile(path: link)) { try SecureFile.ensurePrivateFile(link, createIfMissing: false) }
        #expect(!FileManager.default.fileExists(atPath: scratch.home + "/target"))
        let folder = scratch.home + "/folder"
        mkdir(folder, 0o755)
        #expect(throws: SecureFileError.notRegularFile(path: folder)) { try SecureFile.ensurePrivateFile(folder) }
        #expect(SecureFile.mode(of: folder) == 0o755)
    }
}
