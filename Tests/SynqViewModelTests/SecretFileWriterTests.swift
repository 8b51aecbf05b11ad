import Foundation
import SynqAPI
import SynqFiles
import Testing
@testable import SynqViewModel

@Suite struct SecretFileWriterTests {
    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synq-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesA0600FileAndNeverOverwrites() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("k.txt").path
        try "precious".write(toFile: path, atomically: false, encoding: .utf8)

        let written = try await SecretFileWriter().write(Secret("sk_1"), to: path)
        #expect(written == folder.appendingPathComponent("k-2.txt").path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious", "the existing file is untouched")
        #expect(try String(contentsOfFile: written, encoding: .utf8) == "sk_1\n")
        #expect(try FileManager.default.attributesOfItem(atPath: written)[.posixPermissions] as? Int == 0o600)
    }

    @Test func refusesWhenEveryNameIsTaken() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("k.txt").path
        try "a".write(toFile: path, atomically: false, encoding: .utf8)
        await #expect(throws: SecureFileError.exists(path: path)) {
            try await SecretFileWriter(alternatives: 0).write(Secret("sk"), to: path)
        }
    }

    @Test func doesNotFollowASymlink() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target").path
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        await #expect(throws: SecureFileError.exists(path: link)) {
            try await SecretFileWriter(alternatives: 0).write(Secret("sk"), to: link)
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aMissingFolderIsAClearError() async throws {
        let path = "/nonexistent-\(UUID().uuidString)/k.txt"
        do {
            _ = try await SecretFileWriter().write(Secret("sk"), to: path)
            Issue.record("wrote into a missing folder")
        } catch {
            #expect(error == .cannotCreate(path: path, reason: "No such file or directory"))
            #expect(error.description == "cannot create \(path): No such file or directory")
        }
    }
}
