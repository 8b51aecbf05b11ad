import Foundation
import SynqFiles
import SynqTestSupport
import Testing

@Suite("Private files: modes, atomic writes, refusal of loose permissions")
struct SecureFileTests {
    @Test("a new folder is 0700 and a new file 0600, whatever the umask")
    func modes() throws {
        let home = try ScratchHome()
        let previous = umask(0)
        defer { umask(previous) }
        let folder = home.xdg + "/synq"
        try SecureFile.ensureDirectory(folder)
        try SecureFile.write(Data("secret".utf8), to: folder + "/file")
        #expect(SecureFile.mode(of: folder) == 0o700)
        #expect(SecureFile.mode(of: folder + "/file") == 0o600)
    }

    @Test("an existing loose folder of ours is tightened to 0700")
    func tightensFolder() throws {
        let home = try ScratchHome()
        let folder = home.xdg + "/synq"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        try SecureFile.ensureDirectory(folder)
        #expect(SecureFile.mode(of: folder) == 0o700)
    }

    @Test("a write replaces the whole file and leaves no temporary file behind")
    func replaces() throws {
        let home = try ScratchHome()
        let path = home.home + "/config.json"
        try SecureFile.write(Data(String(repeating: "old ", count: 1000).utf8), to: path)
        try SecureFile.write(Data("new".utf8), to: path)
        #expect(ScratchHome.contents(path) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.home) == ["config.json"])
    }

    @Test("a write that cannot complete leaves the old file intact and no temporary file")
    func failedWriteKeepsOld() throws {
        let home = try ScratchHome()
        let folder = home.home + "/target"
        // The target is a non-empty folder, so the final rename fails after the data was written.
        try FileManager.default.createDirectory(atPath: folder + "/inside", withIntermediateDirectories: true)
        #expect(throws: SecureFileError.self) { try SecureFile.write(Data("new".utf8), to: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.home) == ["target"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["inside"])
    }

    @Test("a secrets file readable by others is refused with the chmod that fixes it", arguments: [0o644, 0o640, 0o604, 0o660])
    func refusesLoose(mode: Int) throws {
        let home = try ScratchHome()
        let path = home.home + "/credentials.json"
        try SecureFile.write(Data("{}".utf8), to: path)
        chmod(path, mode_t(mode))
        do {
            _ = try SecureFile.readPrivate(path)
            Issue.record("a loose file was read")
        } catch {
            #expect(error == .tooOpen(path: path, mode: UInt16(mode)))
            #expect(error.description.contains("chmod 600 \(path)"))
        }
    }

    @Test("a 0600 file is read; a missing one is nil; a symlink is refused")
    func reads() throws {
        let home = try ScratchHome()
        let path = home.home + "/credentials.json"
        #expect(try SecureFile.readPrivate(path) == nil)
        try SecureFile.write(Data("{}".utf8), to: path)
        #expect(try SecureFile.readPrivate(path) == Data("{}".utf8))
        let link = home.home + "/link.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: SecureFileError.notRegularFile(path: link)) { try SecureFile.readPrivate(link) }
    }

    @Test("a steering file may be world-readable but never group- or world-writable")
    func steeringFile() throws {
        let home = try ScratchHome()
        let path = home.home + "/config.toml"
        try SecureFile.write(Data("a = 1".utf8), to: path, mode: 0o644)
        #expect(try SecureFile.readPrivate(path, forbidden: 0o022) != nil)
        chmod(path, 0o664)
        #expect(throws: SecureFileError.tooOpen(path: path, mode: 0o664)) { try SecureFile.readPrivate(path, forbidden: 0o022) }
    }
}
