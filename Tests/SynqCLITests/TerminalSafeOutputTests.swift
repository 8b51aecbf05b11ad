import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing
import SynqText

/// Headless output of hostile server text: nothing that could drive a terminal (ESC, DEL,
/// C1 such as U+009B CSI, bidi overrides) reaches stdout, and JSON still carries the exact text.
@Suite struct TerminalSafeOutputTests {
    static let hostileName = "evil\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{7F}\u{85}\u{9B}31m\u{202E}\u{2066}end"

    static func body(_ route: String) throws -> String {
        let entry: [String: Any] = route.hasPrefix("/user")
            ? ["key_id": "key_h1", "name": hostileName, "status": "ACTIVE"]
            : ["id": "h1", "key": "k\u{9B}1m", "name": hostileName, "isEnabled": true]
        let object: [String: Any] = route.hasPrefix("/user") ? ["success": true, "items": [entry]] : ["success": true, "synchronizers": [entry]]
        return try JSONSerialization.data(withJSONObject: object).base64EncodedString()
    }

    @Test(arguments: [["synchronizers", "list"], ["synchronizers", "list", "--json"], ["keys", "list"], ["keys", "list", "--json"]])
    func hostileNamesCannotDriveTheTerminal(arguments: [String]) async throws {
        try await withSandbox { sandbox in
            for route in ["/api/synq-keys/enterprise/synchronizers", "/user/api_keys/list"] {
                try await sandbox.inject(FaultRule(route: "GET " + route, kind: .body, bodyBase64: try Self.body(route)))
            }
            let outcome = try await SynqBinary.run(arguments, environment: sandbox.environment())
            #expect(outcome.status == 0)
            let unsafe = outcome.stdout.unicodeScalars.filter { $0 != "\n" && Sanitizer.isUnsafe($0) }
            #expect(unsafe.isEmpty, "raw control characters on stdout: \(unsafe.map { Sanitizer.escape($0) })")
            if arguments.contains("--json") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
                let rows = try #require((object["synchronizers"] ?? object["keys"]) as? [[String: Any]])
                #expect(rows.first?["name"] as? String == Self.hostileName, "JSON escapes keep the exact text")
            } else {
                #expect(outcome.stdout.contains(#"evil\x1b]0;PWNED\x07"#))
            }
        }
    }
}
