import Foundation
import SynqTestSupport
import Testing

/// Failures that never reach a server: configuration, flags, key files, dead network.
/// Each must be one line on stderr, nothing on stdout, and the documented exit code.
@Suite struct UsageErrorTests {
    let secret = "ent_cli_test_secret_1234567890"

    @Test func missingEnterpriseKeyNamesTheVariable() async throws {
        let outcome = try await SynqBinary.run(["synchronizers", "list"])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("ENTERPRISE_API_KEY"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func plainHTTPToARemoteHostIsRefused() async throws {
        let outcome = try await SynqBinary.run(["synchronizers", "list"], environment: ["ENTERPRISE_API_KEY": secret, "ENTERPRISE_API_URL": "http://fleet.example.com/api"])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("--insecure"))
        #expect(!outcome.stderr.contains(secret))
    }

    @Test func refusedConnectionIsANetworkError() async throws {
        // Port 9 (discard) on loopback has no listener here.
        let outcome = try await SynqBinary.run(["keys", "list"], environment: ["SYNVO_API_KEY": secret, "SYNVO_BASE_URL": "http://127.0.0.1:9"])
        #expect(outcome.status == 74)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(!outcome.stderr.contains(secret))
    }

    @Test func aMistypedCommandSuggestsTheRightOne() async throws {
        let outcome = try await SynqBinary.run(["synchronizer", "list"])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "synq: unknown command \"synchronizer\"; did you mean \"synchronizers\"? (synq --help lists the commands)\n")
        let unrelated = try await SynqBinary.run(["frobnicate"])
        #expect(unrelated.status == 64)
        #expect(unrelated.stderr.contains("the commands are: synchronizers, preferences, keys"))
        #expect(!unrelated.stderr.contains("USAGE"), "not the TUI's usage")
    }

    @Test func unknownStatusFilterIsAUsageError() async throws {
        let outcome = try await SynqBinary.run(["keys", "list", "--status", "bogus"], environment: ["SYNVO_API_KEY": secret])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
    }

    @Test func keyFileReadableByOthersIsRefused() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("key")
        _ = FileManager.default.createFile(atPath: path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o644])
        let outcome = try await SynqBinary.run(["synchronizers", "list", "--enterprise-key-file", path])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("chmod 600"))
        #expect(!outcome.stderr.contains(secret))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func secretIsNeverAcceptedAsAnArgumentValue() async throws {
        let outcome = try await SynqBinary.run(["synchronizers", "list", "--enterprise-key", secret])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
    }

    @Test func emptyCreateNameIsAUsageError() async throws {
        let outcome = try await SynqBinary.run(["synchronizers", "create", "--name", "  "], environment: ["ENTERPRISE_API_KEY": secret])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
    }

    @Test func savePathThatExistsIsRefusedBeforeAnyRequest() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("existing")
        _ = FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8))
        // The base URL points nowhere: reaching the network would give 74, not 64.
        let outcome = try await SynqBinary.run(["keys", "create", "--save", path], environment: ["SYNVO_API_KEY": secret, "SYNVO_BASE_URL": "http://127.0.0.1:9"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("not overwriting"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func saveIntoAMissingFolderSaysSoBeforeAnyRequest() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("no-such-folder") + "/new.key"
        let outcome = try await SynqBinary.run(["keys", "create", "--save", path], environment: ["SYNVO_API_KEY": secret, "SYNVO_BASE_URL": "http://127.0.0.1:9"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("the folder \(folder.path("no-such-folder")) does not exist"), "stderr: \(outcome.stderr)")
        #expect(!outcome.stderr.contains(secret))
    }

    @Test func savePathThatIsASymlinkIsRefusedAndNothingIsWrittenThroughIt() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("planted.key")
        let target = folder.path("elsewhere")
        symlink(target, path)
        let outcome = try await SynqBinary.run(["keys", "create", "--save", path], environment: ["SYNVO_API_KEY": secret, "SYNVO_BASE_URL": "http://127.0.0.1:9"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("not overwriting"), "stderr: \(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
