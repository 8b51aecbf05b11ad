import Foundation
import SynqFiles
import SynqTestSupport
import Testing

/// `SecureFile.create` and `checkCreatable`: a new private file, never replacing anything.
@Suite("Private files: exclusive create")
struct CreateTests {
    @Test("create writes 0600 whatever the umask, and refuses an existing file or a symlink")
    func createsOnce() throws {
        let scratch = try ScratchHome()
        let previous = umask(0)
        defer { umask(previous) }
        let path = scratch.home + "/key.txt"
        try SecureFile.create(Data("sk_1\n".utf8), at: path)
        #expect(SecureFile.mode(of: path) == 0o600)
        #expect(ScratchHome.contents(path) == "sk_1\n")
        #expect(throws: SecureFileError.exists(path: path)) { try SecureFile.create(Data("x".utf8), at: path) }
        #expect(ScratchHome.contents(path) == "sk_1\n")
        let link = scratch.home + "/link.txt"
        symlink(scratch.home + "/target.txt", link)
        #expect(throws: SecureFileError.exists(path: link)) { try SecureFile.create(Data("x".utf8), at: link) }
        #expect(!FileManager.default.fileExists(atPath: scratch.home + "/target.txt"))
    }

    @Test("checkCreatable says a missing folder is missing, not unwritable")
    func missingFolder() throws {
        let scratch = try ScratchHome()
        let path = scratch.home + "/no-such-folder/key.txt"
        #expect(throws: SecureFileError.cannotCreate(path: path, reason: "the folder \(scratch.home)/no-such-folder does not exist")) {
            try SecureFile.checkCreatable(path)
        }
        #expect(throws: SecureFileError.exists(path: scratch.home)) { try SecureFile.checkCreatable(scratch.home) }
        try SecureFile.checkCreatable(scratch.home + "/fine.txt")
    }
}
