import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The `/__sandbox` control routes: arm, list, count down and clear faults; reset; loopback only.
@Suite struct ControlRouteTests {
    static let demoHeaders = ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey]

    @Test func armsListsAndClearsFaults() async throws {
        try await withSandbox { sandbox in
            let empty = try await sandbox.raw("GET", "/__sandbox/faults")
            #expect(empty.status == 200)
            #expect((empty.object?["faults"] as? [Any])?.isEmpty == true)

            let armed = try await sandbox.raw(
                "POST", "/__sandbox/faults", headers: ["Content-Type": "application/json"],
                body: #"{"route":"GET /api/synq-keys/enterprise/preferences","kind":"status","status":503,"count":3}"#
            )
            #expect(armed.status == 201)
            let listed = try await sandbox.raw("GET", "/__sandbox/faults")
            let rules = try #require(listed.object?["faults"] as? [[String: Any]])
            #expect(rules.count == 1)
            #expect(rules.first?["count"] as? Int == 3)

            let hit = try await sandbox.raw("GET", "/api/synq-keys/enterprise/preferences", headers: Self.demoHeaders)
            #expect(hit.status == 503)
            let after = try await sandbox.raw("GET", "/__sandbox/faults")
            #expect((after.object?["faults"] as? [[String: Any]])?.first?["count"] as? Int == 2)

            let cleared = try await sandbox.raw("DELETE", "/__sandbox/faults")
            #expect(cleared.object?["cleared"] as? Int == 1)
            let healthy = try await sandbox.raw("GET", "/api/synq-keys/enterprise/preferences", headers: Self.demoHeaders)
            #expect(healthy.status == 200)
        }
    }

    @Test func aFaultIsGoneOnceItsCountIsSpent() async throws {
        try await withSandbox { sandbox in
            try await sandbox.faults.add(FaultRule(route: "GET /api/synq-keys/enterprise/synchronizers", kind: .status, status: 500, count: 2))
            var statuses: [Int] = []
            for _ in 0..<4 {
                statuses.append(try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: Self.demoHeaders).status)
            }
            #expect(statuses == [500, 500, 200, 200])
            #expect(await sandbox.faults.active.isEmpty)
        }
    }

    @Test func routesMatchByMethodPathParameterAndPrefix() async throws {
        try await withSandbox { sandbox in
            let id = try #require(try await sandbox.enterprise().listSynchronizers().synchronizers.first?.id)
            try await sandbox.faults.add(FaultRule(route: "PUT /api/synq-keys/enterprise/synchronizer/:id/toggle", kind: .status, status: 502))
            try await sandbox.faults.add(FaultRule(route: "/user/*", kind: .status, status: 504))
            let toggle = try await sandbox.raw(
                "PUT", "/api/synq-keys/enterprise/synchronizer/\(id)/toggle",
                headers: Self.demoHeaders.merging(["Content-Type": "application/json"]) { $1 }, body: #"{"isEnabled":false}"#
            )
            #expect(toggle.status == 502)
            #expect(try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: Self.demoHeaders).status == 200)
            #expect(try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey]).status == 504)
        }
    }

    @Test(arguments: [
        #"{"route":"*","kind":"explode"}"#,
        #"{"route":"*","kind":"status"}"#,
        #"{"route":"*","kind":"status","status":200}"#,
        #"{"route":"*","kind":"latency"}"#,
        #"{"route":"*","kind":"drop","count":0}"#,
        #"{"route":"*","kind":"body"}"#,
        #"{"route":"*","kind":"body","bodyBase64":"%%%"}"#,
        "not json",
    ])
    func badRulesAre400AndArmNothing(body: String) async throws {
        try await withSandbox { sandbox in
            let answer = try await sandbox.raw("POST", "/__sandbox/faults", headers: ["Content-Type": "application/json"], body: body)
            #expect(answer.status == 400)
            #expect(answer.object?["error"] is String)
            #expect(await sandbox.faults.active.isEmpty)
        }
    }

    @Test func aBodyFaultServesExactlyItsBytes() async throws {
        try await withSandbox { sandbox in
            let bytes = Data([0xFF, 0xFE]) + Data("{\"synchronizers\":[{\"name\":\"\u{1B}]0;PWNED\u{07}\"}]}".utf8)
            let armed = try await sandbox.raw(
                "POST", "/__sandbox/faults", headers: ["Content-Type": "application/json"],
                body: #"{"route":"GET /api/synq-keys/enterprise/synchronizers","kind":"body","count":1,"bodyBase64":"\#(bytes.base64EncodedString())"}"#
            )
            #expect(armed.status == 201)
            let hit = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: Self.demoHeaders)
            #expect(hit.status == 200)
            #expect(hit.body == bytes)
            #expect(hit.header("Content-Type")?.hasPrefix("application/json") == true)
            let healthy = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: Self.demoHeaders)
            #expect(healthy.json?["synchronizers"] is [Any], "count 1: the next answer is real")

            try await sandbox.inject(FaultRule(route: "/user/*", kind: .body, status: 418, bodyBase64: Data("teapot".utf8).base64EncodedString()))
            let teapot = try await sandbox.raw("GET", "/user/api_keys/list", headers: ["X-API-Key": SandboxCredentials.demoSynvoKey])
            #expect(teapot.status == 418)
            #expect(teapot.body == Data("teapot".utf8))
        }
    }

    @Test func anArrayOfRulesIsArmedTogether() async throws {
        try await withSandbox { sandbox in
            let answer = try await sandbox.raw(
                "POST", "/__sandbox/faults", headers: ["Content-Type": "application/json"],
                body: #"[{"route":"*","kind":"latency","latencyMs":1},{"route":"*","kind":"malformed","count":1}]"#
            )
            #expect(answer.status == 201)
            #expect(await sandbox.faults.active.map(\.kind) == [.latency, .malformed])
        }
    }

    @Test func resetClearsFaultsAndRateLimits() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.rateLimit = 1
        try await withSandbox(configuration) { sandbox in
            let synvo = ["X-API-Key": SandboxCredentials.demoSynvoKey]
            #expect(try await sandbox.raw("GET", "/user/api_keys/list", headers: synvo).status == 200)
            #expect(try await sandbox.raw("GET", "/user/api_keys/list", headers: synvo).status == 429)
            try await sandbox.faults.add(FaultRule(kind: .drop))
            let reset = try await sandbox.raw("POST", "/__sandbox/reset", headers: ["Content-Type": "application/json"])
            #expect(reset.status == 200)
            #expect(await sandbox.faults.active.isEmpty)
            #expect(try await sandbox.raw("GET", "/user/api_keys/list", headers: synvo).status == 200)
        }
    }

    @Test func faultsFromTheConfigurationAreArmedAtStart() async throws {
        var configuration = SandboxConfiguration.forTesting()
        configuration.faults = [try FaultRule(parsing: "status:503@GET /api/synq-keys/enterprise/preferences#1")]
        try await withSandbox(configuration) { sandbox in
            let error = await failure { try await sandbox.enterprise().preferences() }
            #expect(error == .server(.enterprise, status: 503, message: "Service Unavailable"))
            let healthy = try await sandbox.enterprise().preferences()
            #expect(healthy.success)
        }
    }

    @Test func healthReportsTheFleet() async throws {
        try await withSandbox(.forTesting(fleetSize: 7)) { sandbox in
            let health = try await sandbox.raw("GET", "/__sandbox/health")
            #expect(health.object?["status"] as? String == "ok")
            #expect(health.object?["synchronizers"] as? Int == 7 + 7)
        }
    }
}
