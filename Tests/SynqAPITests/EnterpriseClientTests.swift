import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// Every Enterprise API call and documented error, over real HTTP against the sandbox.
@Suite struct EnterpriseClientTests {
    @Test func listsTheSeededFleet() async throws {
        try await withSandbox { sandbox in
            let list = try await sandbox.enterprise().listSynchronizers()
            #expect(list.success)
            #expect(list.synchronizers.count == SandboxConfiguration.defaultFleetSize)
            let first = try #require(list.synchronizers.first)
            #expect(first.name == "Production Server 1")
            #expect(first.key == "b1df0d63-83b3-478d-a55f-a6c402e74185")
            #expect(first.isEnabled == true)
            #expect(first.createdAt != nil)
        }
    }

    @Test func createsWith201AndTheDocumentedShape() async throws {
        try await withSandbox { sandbox in
            let raw = try await sandbox.raw(
                "POST", "/api/synq-keys/enterprise/synchronizer",
                headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey, "Content-Type": "application/json"],
                body: #"{"name": "Production Server 9"}"#
            )
            #expect(raw.status == 201)
            #expect(raw.json?["message"] as? String == "Successfully generated synchronizer")
            let synchronizer = try #require(raw.json?["synchronizer"] as? [String: Any])
            #expect(Set(synchronizer.keys) == ["id", "key", "name"])

            let result = try await sandbox.enterprise().createSynchronizer(name: "東京 relay ✨")
            #expect(result.message == "Successfully generated synchronizer")
            #expect(result.synchronizer.name == "東京 relay ✨")
            let list = try await sandbox.enterprise().listSynchronizers()
            let created = try #require(list.synchronizers.first { $0.id == result.synchronizer.id })
            #expect(created.key == result.synchronizer.key)
            #expect(created.isEnabled == true)
            #expect(list.synchronizers.count == SandboxConfiguration.defaultFleetSize + 2)
        }
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func blankNameIs400(name: String) async throws {
        try await withSandbox { sandbox in
            let error = await failure { try await sandbox.enterprise().createSynchronizer(name: name) }
            #expect(error == .badRequest(.enterprise, message: "Synchronizer name is required"))
        }
    }

    @Test(arguments: ["not json", "{}", #"{"name": 42}"#, ""])
    func badCreateBodyIs400WithTheDocumentedBody(body: String) async throws {
        try await withSandbox { sandbox in
            let raw = try await sandbox.raw(
                "POST", "/api/synq-keys/enterprise/synchronizer",
                headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey, "Content-Type": "application/json"],
                body: body
            )
            #expect(raw.status == 400)
            #expect(String(decoding: raw.body, as: UTF8.self) == #"{"message":"Synchronizer name is required","success":false}"#)
        }
    }

    @Test func togglesBothWays() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.enterprise()
            let target = try #require(try await client.listSynchronizers().synchronizers.first { $0.isEnabled == true })
            let off = try await client.setSynchronizer(id: target.id, enabled: false)
            #expect(off.message == "Synchronizer disabled successfully")
            #expect(off.synchronizer.isEnabled == false)
            #expect(off.synchronizer.key == target.key)
            #expect(try await client.listSynchronizers().synchronizers.first { $0.id == target.id }?.isEnabled == false)
            let on = try await client.setSynchronizer(id: target.id, enabled: true)
            #expect(on.message == "Synchronizer enabled successfully")
            #expect(on.synchronizer.isEnabled == true)
            #expect(try await client.listSynchronizers().synchronizers.first { $0.id == target.id }?.isEnabled == true)
        }
    }

    @Test(arguments: ["no-such-id", "../preferences", "a/b"])
    func unknownIDIs404(id: String) async throws {
        try await withSandbox { sandbox in
            let error = await failure { try await sandbox.enterprise().setSynchronizer(id: id, enabled: true) }
            #expect(error == .notFound(.enterprise, message: "Synchronizer not found"))
        }
    }

    @Test func anotherAccountsSynchronizerIs403() async throws {
        try await withSandbox { sandbox in
            let theirs = try #require(try await sandbox.enterprise(key: SandboxCredentials.otherEnterpriseKey).listSynchronizers().synchronizers.first)
            let mine = try await sandbox.enterprise().listSynchronizers()
            #expect(!mine.synchronizers.contains { $0.id == theirs.id })
            let error = await failure { try await sandbox.enterprise().setSynchronizer(id: theirs.id, enabled: false) }
            #expect(error == .forbidden(.enterprise, message: "You can only modify your own synchronizers"))
            let after = try await sandbox.enterprise(key: SandboxCredentials.otherEnterpriseKey).listSynchronizers()
            #expect(after.synchronizers.first { $0.id == theirs.id }?.isEnabled == theirs.isEnabled)
        }
    }

    @Test(arguments: [#"{"isEnabled": "yes"}"#, "{}", "nope", #"{"isEnabled": null}"#])
    func toggleWithoutABooleanIs400(body: String) async throws {
        try await withSandbox { sandbox in
            let id = try #require(try await sandbox.enterprise().listSynchronizers().synchronizers.first?.id)
            let raw = try await sandbox.raw(
                "PUT", "/api/synq-keys/enterprise/synchronizer/\(id)/toggle",
                headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey, "Content-Type": "application/json"],
                body: body
            )
            #expect(raw.status == 400)
            #expect(raw.json?["success"] as? Bool == false)
            #expect(raw.json?["message"] is String)
        }
    }

    @Test func preferencesAreRealistic() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.enterprise().preferences()
            #expect(response.message == "Preferences retrieved successfully")
            let wallet = try #require(response.preferences.walletAddress)
            #expect(wallet.count == 42 && wallet.hasPrefix("0x") && wallet.dropFirst(2).allSatisfy(\.isHexDigit))
            #expect(response.preferences.dashboardPassword == "••••••••")
            #expect(response.preferences.defaultAction == .service)
            #expect(response.preferences.web == true)
            #expect(response.owner?.walletAddress == wallet)
        }
    }

    @Test(arguments: [nil, "wrong-key", SandboxCredentials.nonEnterpriseKey])
    func unauthorizedIs401WithTheDocumentedBody(key: String?) async throws {
        try await withSandbox { sandbox in
            for (method, path) in [("GET", "synchronizers"), ("POST", "synchronizer"), ("GET", "preferences"), ("PUT", "synchronizer/x/toggle")] {
                var headers = ["Content-Type": "application/json"]
                if let key { headers["X-Enterprise-API-Key"] = key }
                let raw = try await sandbox.raw(method, "/api/synq-keys/enterprise/\(path)", headers: headers, body: method == "GET" ? nil : "{}")
                #expect(raw.status == 401)
                #expect(String(decoding: raw.body, as: UTF8.self) == #"{"message":"Unauthorized","success":false}"#)
            }
            if let key {
                let client = try sandbox.enterprise(key: key)
                let error = await failure { try await client.listSynchronizers() }
                #expect(error == .unauthorized(.enterprise, message: "Unauthorized", code: nil))
                #expect(!String(describing: try #require(error)).contains(key))
            }
        }
    }
}
