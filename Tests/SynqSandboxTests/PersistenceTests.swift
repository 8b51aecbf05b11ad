import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// State in a `--db` file survives a restart, and the file is seeded only once.
@Suite struct PersistenceTests {
    @Test func changesSurviveARestart() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        var configuration = SandboxConfiguration.forTesting()
        configuration.databasePath = scratch.path("sandbox.sqlite")

        let (created, toggledID, keyID) = try await withSandbox(configuration) { sandbox in
            let created = try await sandbox.enterprise().createSynchronizer(name: "survivor")
            let first = try #require(try await sandbox.enterprise().listSynchronizers().synchronizers.first { $0.isEnabled == true })
            _ = try await sandbox.enterprise().setSynchronizer(id: first.id, enabled: false)
            let key = try await sandbox.synvo().createKey(name: "persisted key").value
            return (created.synchronizer, first.id, key.keyID)
        }
        #expect(FileManager.default.fileExists(atPath: configuration.databasePath!))

        // A different seed and fleet size must not re-seed a database that has data.
        configuration.seed += 99
        configuration.fleetSize = 5
        try await withSandbox(configuration) { sandbox in
            let list = try await sandbox.enterprise().listSynchronizers().synchronizers
            #expect(list.count == SandboxConfiguration.defaultFleetSize + 1)
            #expect(list.contains { $0.id == created.id && $0.key == created.key && $0.name == "survivor" })
            #expect(list.first { $0.id == toggledID }?.isEnabled == false)
            let keys = try await sandbox.synvo().listKeys().value.items
            #expect(keys.contains { $0.keyID == keyID && $0.name == "persisted key" })
        }
    }

    @Test func aNewDemoKeyReplacesTheStoredOne() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        var configuration = SandboxConfiguration.forTesting()
        configuration.databasePath = scratch.path("sandbox.sqlite")
        _ = try await withSandbox(configuration) { try await $0.enterprise().listSynchronizers() }

        configuration.enterpriseKey = "ent_my_own_key_0123456789abcdef"
        configuration.synvoKey = "sk_test_my_own_key_0123456789abcdef"
        try await withSandbox(configuration) { sandbox in
            let list = try await sandbox.enterprise(key: "ent_my_own_key_0123456789abcdef").listSynchronizers()
            #expect(list.synchronizers.count == SandboxConfiguration.defaultFleetSize)
            let keys = try await sandbox.synvo(key: "sk_test_my_own_key_0123456789abcdef").listKeys()
            #expect(!keys.value.items.isEmpty)
            let old = await failure { try await sandbox.enterprise().listSynchronizers() }
            #expect(old == .unauthorized(.enterprise, message: "Unauthorized", code: nil))
        }
    }

    @Test func aBadDatabasePathFailsToStartWithOneLine() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.databasePath = "/nonexistent-dir-\(UUID().uuidString)/sandbox.sqlite"
        do {
            _ = try await RunningSandbox.start(configuration)
            Issue.record("started with an unusable database path")
        } catch let error as SandboxError {
            #expect(error.description.hasPrefix("sandbox: database error"))
            #expect(!error.description.contains("\n"))
        }
    }
}
