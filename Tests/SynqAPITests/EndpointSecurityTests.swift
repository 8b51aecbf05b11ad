import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// Plain http only to loopback, and no credential in any error a user can see.
@Suite struct EndpointSecurityTests {
    @Test(arguments: ["http://example.com/api", "http://10.0.0.5:3000", "http://startsynqing.com.evil/api"])
    func plainHTTPToARemoteHostIsRefused(url: String) throws {
        #expect(throws: APIError.self) { try ServiceEndpoint(.enterprise, url: url) }
        do {
            _ = try ServiceEndpoint(.enterprise, url: url)
        } catch {
            guard case .insecureURL(.enterprise, _) = error else {
                Issue.record("expected insecureURL, got \(error)")
                return
            }
            #expect(error.description.contains("--insecure"))
        }
        #expect(try ServiceEndpoint(.enterprise, url: url, allowInsecure: true).baseURL.scheme == "http")
    }

    @Test(arguments: ["http://127.0.0.1:3000/api", "http://localhost:3000", "http://[::1]:3000", "https://startsynqing.com/api"])
    func loopbackAndHTTPSAreAccepted(url: String) throws {
        _ = try ServiceEndpoint(.synvo, url: url)
    }

    @Test func noErrorDescriptionContainsTheKey() async throws {
        try await withSandbox { sandbox in
            let enterpriseKey = SandboxCredentials.nonEnterpriseKey
            let synvoKey = SandboxCredentials.revokedSynvoKey
            var errors: [APIError] = []
            let enterprise = try sandbox.enterprise(key: enterpriseKey)
            let synvo = try sandbox.synvo(key: synvoKey)
            if let error = await failure({ try await enterprise.listSynchronizers() }) { errors.append(error) }
            if let error = await failure({ try await enterprise.createSynchronizer(name: enterpriseKey) }) { errors.append(error) }
            if let error = await failure({ try await synvo.createKey(name: synvoKey) }) { errors.append(error) }
            for kind in [FaultKind.malformed, .drop] {
                await sandbox.faults.clear()
                try await sandbox.inject(FaultRule(route: "*", kind: kind))
                if let error = await failure({ try await sandbox.enterprise().createSynchronizer(name: "x") }) { errors.append(error) }
                if let error = await failure({ try await sandbox.synvo().listKeys() }) { errors.append(error) }
            }
            // A server echoing the key where the excerpt or the message is cut.
            await sandbox.faults.clear()
            let padding = String(repeating: "x", count: 40)
            let echoes = [
                (200, "<html>\(padding)\(SandboxCredentials.demoSynvoKey) and more</html>"),
                (401, #"{"error":"\#(String(repeating: "y", count: 270)) \#(SandboxCredentials.demoSynvoKey)"}"#),
            ]
            for (status, body) in echoes {
                try await sandbox.inject(FaultRule(route: "GET /user/api_keys/list", kind: .body, status: status, count: 1,
                                                   bodyBase64: Data(body.utf8).base64EncodedString()))
                if let error = await failure({ try await sandbox.synvo().listKeys() }) { errors.append(error) }
            }
            #expect(errors.count == 9)
            for error in errors {
                let text = "\(error) \(error.localizedDescription)"
                for secret in [enterpriseKey, synvoKey, SandboxCredentials.demoEnterpriseKey, SandboxCredentials.demoSynvoKey] {
                    #expect(!text.contains(secret.prefix(16)), "no secret, not even the front of one: \(text)")
                }
                #expect(!text.contains("\n"))
            }
        }
    }
}
