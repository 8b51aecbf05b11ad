import Foundation
import SynqSandbox
import SynqTestSupport
import Testing

/// The `--fault` short form and JSON form, and the checks that refuse bad rules.
@Suite struct FaultRuleTests {
    @Test func readsTheShortForm() throws {
        #expect(try FaultRule(parsing: "status:503") == FaultRule(route: "*", kind: .status, status: 503))
        #expect(try FaultRule(parsing: "latency:2000@GET /user/api_keys/list#3")
            == FaultRule(route: "GET /user/api_keys/list", kind: .latency, latencyMs: 2000, count: 3))
        #expect(try FaultRule(parsing: "drop#1") == FaultRule(kind: .drop, count: 1))
        #expect(try FaultRule(parsing: "large:1048576@/api/*") == FaultRule(route: "/api/*", kind: .large, bytes: 1_048_576))
        #expect(try FaultRule(parsing: "wrongType:isEnabled") == FaultRule(kind: .wrongType, field: "isEnabled"))
        #expect(try FaultRule(parsing: "HANG").kind == .hang)
        #expect(try FaultRule(parsing: "body:/3t9@GET /user/api_keys/list#1")
            == FaultRule(route: "GET /user/api_keys/list", kind: .body, count: 1, bodyBase64: "/3t9"))
        #expect(try FaultRule(parsing: "trickle:250@GET /user/api_keys/list") == FaultRule(route: "GET /user/api_keys/list", kind: .trickle, intervalMs: 250))
        #expect(try FaultRule(parsing: "trickle").intervalMs == nil, "one byte a second by default")
    }

    @Test func aBodyRuleDecodesItsBytes() throws {
        let rule = try FaultRule(parsing: #"{"route":"*","kind":"body","status":502,"bodyBase64":"/3t9"}"#)
        #expect(rule.status == 502)
        #expect(rule.bodyData == Data([0xFF, 0x7B, 0x7D]))
    }

    @Test func readsJSON() throws {
        let rule = try FaultRule(parsing: #"{"route":"*","kind":"truncated","count":2}"#)
        #expect(rule == FaultRule(kind: .truncated, count: 2))
    }

    @Test(arguments: ["explode", "status", "status:abc", "status:200", "latency", "latency:-5", "drop#0", "drop#x", "large:0", "{not json", "status:503@ ",
                         "body", "body:not base64!", "trickle:0", "trickle:x", "trickle:600001", #"{"kind":"body","route":"*","status":99,"bodyBase64":"e30="}"#])
    func refusesBadRules(text: String) {
        #expect(throws: FaultRuleError.self) { try FaultRule(parsing: text) }
    }

    @Test func errorsAreOneLine() {
        do {
            _ = try FaultRule(parsing: "explode")
            Issue.record("accepted an unknown kind")
        } catch {
            #expect(error.description.contains("latency"))
            #expect(!error.description.contains("\n"))
        }
    }
}
