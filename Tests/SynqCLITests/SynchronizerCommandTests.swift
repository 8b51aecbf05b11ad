import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import SynqText
import Testing

/// `synq synchronizers …` and `synq preferences` as a subprocess against a real sandbox.
@Suite struct SynchronizerCommandTests {
    @Test func listPrintsAnAlignedTableOfTheWholeFleet() async throws {
        try await withSandbox { sandbox in
            let expected = try await sandbox.enterprise().listSynchronizers().synchronizers
            let outcome = try await SynqBinary.run(["synchronizers", "list"], environment: sandbox.environment())
            #expect(outcome.status == 0)
            #expect(outcome.stderr.isEmpty)
            let lines = outcome.stdout.split(separator: "\n")
            #expect(lines.count == expected.count + 1)
            let header = try #require(lines.first)
            #expect(header.hasPrefix("NAME"))
            let idColumn = try #require(header.range(of: "ID")).lowerBound.utf16Offset(in: header)
            for synchronizer in expected.prefix(5) {
                let row = try #require(lines.first { $0.hasSuffix(synchronizer.id) })
                #expect(row.contains(synchronizer.isEnabled == true ? "enabled" : "disabled"))
                // Plain-ASCII rows keep the id column exactly under its header.
                if row.utf8.allSatisfy({ $0 < 0x80 }) {
                    #expect(row.utf16.count - synchronizer.id.utf16.count == idColumn)
                }
            }
        }
    }

    /// The table is measured once, then written in chunks of 8,192 rows: every
    /// row, in order, must still align on the widest cell, here a hostile wide name in the
    /// last chunk.
    @Test func everyRowAlignsOnTheWidestCellAcrossChunks() async throws {
        try await withSandbox(.forTesting(fleetSize: 9_000)) { sandbox in
            let wide = String(repeating: "界", count: 40) + "\u{1b}[31m" + String(repeating: "w", count: 30)
            _ = try await sandbox.enterprise().createSynchronizer(name: wide)
            let expected = try await sandbox.enterprise().listSynchronizers().synchronizers
            let outcome = try await SynqBinary.run(["synchronizers", "list"], environment: sandbox.environment())
            #expect(outcome.status == 0)
            let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == expected.count + 1)
            let header = try #require(lines.first)
            let idColumn = CharacterWidth.of(String(header[..<(try #require(header.range(of: "ID"))).lowerBound]))
            #expect(idColumn > CharacterWidth.of(Sanitizer.clean(wide)), "the widest name sets the column")
            for (line, synchronizer) in zip(lines.dropFirst(), expected) {
                #expect(line.hasSuffix(synchronizer.id))
                #expect(CharacterWidth.of(String(line.dropLast(synchronizer.id.count))) == idColumn, "\(line)")
            }
        }
    }

    @Test func longListJSONIsEncodedInSlicesExactlyAsOneEncoderWould() async throws {
        try await withSandbox(.forTesting(fleetSize: 9_000)) { sandbox in
            let expected = try await sandbox.enterprise().listSynchronizers().synchronizers
            let outcome = try await SynqBinary.run(["synchronizers", "list", "--json"], environment: sandbox.environment())
            #expect(outcome.status == 0)
            struct Shape: Decodable { var skipped: Int; var synchronizers: [Synchronizer] }
            let decoded = try JSONCoding.decoder().decode(Shape.self, from: Data(outcome.stdout.utf8))
            #expect(decoded.skipped == 0)
            #expect(decoded.synchronizers == expected, "every row, in order, across the slice boundaries")
            // Piped output is compact: one line, byte for byte what a single sorted-keys encoder writes.
            struct Whole: Encodable { var skipped: Int; var synchronizers: [Synchronizer] }
            let single = try JSONCoding.encoder(pretty: false).encode(Whole(skipped: 0, synchronizers: decoded.synchronizers))
            #expect(outcome.stdout == String(decoding: single, as: UTF8.self) + "\n")
        }
    }

    @Test func aFullDiskIsOneLineAndExit74() async throws {
        try await withSandbox { sandbox in
            for arguments in [["synchronizers", "list"], ["synchronizers", "list", "--json"], ["preferences"]] {
                let outcome = try await SynqBinary.run(arguments, environment: sandbox.environment(), stdoutPath: "/dev/full")
                #expect(outcome.status == 74, "\(arguments)")
                #expect(outcome.stderr == "synq: cannot write the output: No space left on device\n", "\(arguments)")
            }
        }
    }

    @Test func listJSONHasTheDocumentedShape() async throws {
        try await withSandbox { sandbox in
            let outcome = try await SynqBinary.run(["synchronizers", "list", "--json"], environment: sandbox.environment())
            #expect(outcome.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["synchronizers", "skipped"])
            let rows = try #require(object["synchronizers"] as? [[String: Any]])
            #expect(!rows.isEmpty)
            for row in rows { #expect(Set(row.keys) == ["id", "name", "key", "isEnabled", "createdAt"]) }
        }
    }

    @Test func stateFilterKeepsOnlyDisabled() async throws {
        try await withSandbox { sandbox in
            let outcome = try await SynqBinary.run(["synchronizers", "list", "--state", "disabled", "--json"], environment: sandbox.environment())
            #expect(outcome.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            let rows = try #require(object["synchronizers"] as? [[String: Any]])
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0["isEnabled"] as? Bool == false })
        }
    }

    @Test func createThenDisableThenEnableChangesTheServer() async throws {
        try await withSandbox { sandbox in
            let env = sandbox.environment()
            let created = try await SynqBinary.run(["synchronizers", "create", "--name", "CLI Test Node", "--json"], environment: env)
            #expect(created.status == 0)
            let result = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])
            let synchronizer = try #require(result["synchronizer"] as? [String: Any])
            let id = try #require(synchronizer["id"] as? String)
            #expect(synchronizer["name"] as? String == "CLI Test Node")

            let disabled = try await SynqBinary.run(["synchronizers", "disable", id], environment: env)
            #expect(disabled.status == 0)
            #expect(disabled.stdout.contains("disabled"))
            var server = try await sandbox.enterprise().listSynchronizers().synchronizers.first { $0.id == id }
            #expect(server?.isEnabled == false)

            let enabled = try await SynqBinary.run(["synchronizers", "enable", id], environment: env)
            #expect(enabled.status == 0)
            server = try await sandbox.enterprise().listSynchronizers().synchronizers.first { $0.id == id }
            #expect(server?.isEnabled == true)
        }
    }

    @Test func anotherAccountsSynchronizerIsForbidden() async throws {
        try await withSandbox { sandbox in
            let foreign = try await sandbox.enterprise(key: SandboxCredentials.otherEnterpriseKey).listSynchronizers().synchronizers
            let id = try #require(foreign.first?.id)
            let outcome = try await SynqBinary.run(["synchronizers", "disable", id], environment: sandbox.environment())
            #expect(outcome.status == 79)
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.contains("You can only modify your own synchronizers"))
            #expect(outcome.stderr.split(separator: "\n").count == 1)
            #expect(!outcome.stderr.contains(SandboxCredentials.demoEnterpriseKey))
        }
    }

    @Test func unknownIdIsNotFound() async throws {
        try await withSandbox { sandbox in
            let outcome = try await SynqBinary.run(["synchronizers", "enable", "no-such-id"], environment: sandbox.environment())
            #expect(outcome.status == 79)
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.contains("Synchronizer not found"))
        }
    }

    @Test func nonEnterpriseAccountIsUnauthorized() async throws {
        try await withSandbox { sandbox in
            let outcome = try await SynqBinary.run(["synchronizers", "list"], environment: sandbox.environment(enterpriseKey: SandboxCredentials.nonEnterpriseKey))
            #expect(outcome.status == 77)
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.contains("Unauthorized"))
            #expect(!outcome.stderr.contains(SandboxCredentials.nonEnterpriseKey))
        }
    }

    @Test func keyFromStandardInputWorks() async throws {
        try await withSandbox { sandbox in
            let env = sandbox.environment(enterpriseKey: nil)
            let outcome = try await SynqBinary.run(["preferences", "--enterprise-key-file", "-"], environment: env, stdin: SandboxCredentials.demoEnterpriseKey + "\n")
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains("wallet address"))
        }
    }

    @Test func preferencesNeverShowThePassword() async throws {
        try await withSandbox { sandbox in
            let table = try await SynqBinary.run(["preferences"], environment: sandbox.environment())
            #expect(table.status == 0)
            #expect(table.stdout.contains("********"))
            let json = try await SynqBinary.run(["preferences", "--json"], environment: sandbox.environment())
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["walletAddress", "dashboardPassword", "defaultAction", "web", "ownerWalletAddress"])
            #expect(object["dashboardPassword"] as? String == "********")
        }
    }

    @Test func slowServerTimesOutAsANetworkError() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.faults = [FaultRule(route: "GET /api/synq-keys/enterprise/preferences", kind: .latency, latencyMs: 5_000)]
        try await withSandbox(configuration) { sandbox in
            let outcome = try await SynqBinary.run(["preferences", "--timeout", "1"], environment: sandbox.environment())
            #expect(outcome.status == 74)
            #expect(outcome.stderr.contains("timed out"))
        }
    }
}

