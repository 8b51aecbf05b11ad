import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// `synq keys …` as a subprocess against a real sandbox.
@Suite struct KeyCommandTests {
    @Test func listShowsStatusesAndFilters() async throws {
        try await withSandbox { sandbox in
            let all = try await SynqBinary.run(["keys", "list"], environment: sandbox.environment())
            #expect(all.status == 0)
            #expect(all.stdout.hasPrefix("NAME"))
            for status in ["ACTIVE", "REVOKED", "DISABLED", "UNKNOWN"] { #expect(all.stdout.contains(status)) }
            #expect(all.stdout.contains("never"))

            let revoked = try await SynqBinary.run(["keys", "list", "--status", "revoked"], environment: sandbox.environment())
            #expect(revoked.status == 0)
            let rows = revoked.stdout.split(separator: "\n").dropFirst()
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.contains("REVOKED") })
        }
    }

    @Test func listJSONCarriesTheRateLimit() async throws {
        try await withSandbox { sandbox in
            let outcome = try await SynqBinary.run(["keys", "list", "--json"], environment: sandbox.environment())
            #expect(outcome.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["keys", "skipped", "rateLimit"])
            let rateLimit = try #require(object["rateLimit"] as? [String: Any])
            #expect(rateLimit["limit"] as? Int == SandboxConfiguration.defaultRateLimit)
            let keys = try #require(object["keys"] as? [[String: Any]])
            for key in keys { #expect(Set(key.keys) == ["keyId", "name", "status", "createdAt", "lastUsedAt"]) }
        }
    }

    @Test func createPrintsTheKeyOnceAndWarns() async throws {
        try await withSandbox { sandbox in
            let outcome = try await SynqBinary.run(["keys", "create", "--name", "ci key"], environment: sandbox.environment())
            #expect(outcome.status == 0)
            #expect(outcome.stderr.contains("will not be shown again"))
            let keyLine = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("API key:") })
            let plaintext = keyLine.dropFirst("API key:".count).trimmingCharacters(in: .whitespaces)
            #expect(!plaintext.isEmpty)
            // The new key works, and the list never shows its plaintext.
            let listed = try await SynqBinary.run(["keys", "list", "--json"], environment: sandbox.environment(synvoKey: plaintext))
            #expect(listed.status == 0)
            #expect(!listed.stdout.contains(plaintext))
            #expect(listed.stdout.contains("ci key"))
        }
    }

    @Test func createWithSaveWritesAPrivateFileAndPrintsNoKey() async throws {
        try await withSandbox { sandbox in
            let folder = try TemporaryDirectory()
            let path = folder.path("new.key")
            let outcome = try await SynqBinary.run(["keys", "create", "--save", path, "--json"], environment: sandbox.environment())
            #expect(outcome.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            #expect(object["apiKey"] is NSNull)
            #expect(object["savedTo"] as? String == path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let saved = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!saved.isEmpty)
            #expect(!outcome.stdout.contains(saved))
            #expect(!outcome.stderr.contains(saved))
        }
    }

    @Test(arguments: [
        (SandboxCredentials.revokedSynvoKey, "API_KEY_REVOKED"),
        (SandboxCredentials.expiredSynvoKey, "API_KEY_EXPIRED"),
        (SandboxCredentials.suspendedSynvoKey, "API_KEY_SUSPENDED"),
        ("sk_test_not_a_key_at_all_123456", "INVALID_API_KEY"),
    ])
    func badKeysAreUnauthorizedWithTheirCode(key: String, code: String) async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.undocumentedStatuses = true  // the expired key's status is not a documented one
        try await withSandbox(configuration) { sandbox in
            let outcome = try await SynqBinary.run(["keys", "list"], environment: sandbox.environment(synvoKey: key))
            #expect(outcome.status == 77)
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.contains(code))
            #expect(!outcome.stderr.contains(key))
        }
    }

    @Test func rateLimitedIsItsOwnExitCode() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.rateLimit = 1
        try await withSandbox(configuration) { sandbox in
            let first = try await SynqBinary.run(["keys", "list"], environment: sandbox.environment())
            #expect(first.status == 0)
            let second = try await SynqBinary.run(["keys", "list"], environment: sandbox.environment())
            #expect(second.status == 75)
            #expect(second.stdout.isEmpty)
            #expect(second.stderr.contains("rate limited"))
        }
    }
}
