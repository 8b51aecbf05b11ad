import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The synchronizer list is parsed as its bytes arrive from the socket: the body is never
/// collected first, so a body that stops being JSON stops being read there, while the
/// transport's promises (cap, deadline) hold for the streamed read too.
@Suite(.timeLimit(.minutes(1)))
struct ListStreamingTests {
    private func enterprise(_ origin: String, timeout: TimeInterval = 20, cap: Int) throws -> EnterpriseClient {
        EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: origin + "/api"), apiKey: Secret(SandboxCredentials.demoEnterpriseKey),
                         transport: AsyncHTTPClientTransport(timeout: timeout, maxResponseBytes: cap, proxies: .none))
    }

    @Test func aListThatStopsBeingJSONStopsBeingReadAtItsFirstWrongByte() async throws {
        // A list that turns into garbage after one row, then 1 GiB more: a client that
        // collected the body first would read up to its cap before looking at it.
        let prefix = #"{"echo":"\#(SandboxCredentials.demoEnterpriseKey)","synchronizers":[{"id":"a","key":"k","name":"n"},nope"#
        let server = try HostileServer { _ in .flood(declared: nil, total: 1 << 30, prefix: Data(prefix.utf8)) }
        let cap = 256 << 20
        let error = await failure { try await enterprise(server.origin, cap: cap).listSynchronizers() }
        guard case .undecodable(.enterprise, 200, let excerpt) = error else {
            Issue.record("expected the list to be refused as not JSON, got \(String(describing: error))")
            return
        }
        #expect(excerpt.hasPrefix(#"{"echo":""#))
        #expect(!excerpt.contains(SandboxCredentials.demoEnterpriseKey), "the key echoed in the body reached the error: \(excerpt)")
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.bytesSent < 32 << 20, "the client kept reading after the list broke: \(server.bytesSent) bytes sent")
    }

    @Test func aStreamedListIsTheListTheSandboxSent() async throws {
        try await withSandbox(.forTesting(fleetSize: 3000)) { sandbox in
            let client = EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: sandbox.enterpriseURL.absoluteString),
                                          apiKey: Secret(SandboxCredentials.demoEnterpriseKey), transport: AsyncHTTPClientTransport(timeout: 20, proxies: .none))
            let streamed = try await client.listSynchronizers()
            let whole = try await AsyncHTTPClientTransport(timeout: 20, proxies: .none).send(
                HTTPRequest(method: .get, url: sandbox.enterpriseURL.appendingPathComponent("synq-keys/enterprise/synchronizers"),
                            headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey]))
            let reference = try SynchronizerListParser.parse(whole.body)
            #expect(streamed.fleet.count == 3000)
            #expect(streamed.fleet == reference.fleet && streamed.skipped == reference.skipped)
        }
    }

    @Test func aStreamedListPastTheCapFailsAsTooLarge() async throws {
        // A valid list with no Content-Length, longer than the cap: the cap is counted as the
        // parser reads, and a list cut by it is never handed out as a shorter fleet.
        let rows = (0..<20_000).map { #"{"id":"s\#($0)","key":"k\#($0)","name":"node \#($0)"}"# }.joined(separator: ",")
        let body = Data(#"{"synchronizers":[\#(rows)]}"#.utf8)
        let server = try HostileServer { _ in .raw(Data("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n".utf8) + body) }
        let error = await failure { try await enterprise(server.origin, cap: body.count / 2).listSynchronizers() }
        #expect(error == .transport(.enterprise, .responseTooLarge(limit: body.count / 2)))
    }

    @Test func aListCutShortIsALostConnectionNotAShorterFleet() async throws {
        let body = #"{"synchronizers":[{"id":"a","key":"k","name":"n"},{"id":"b","#
        let server = try HostileServer { _ in
            .raw(Data("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n\(body)".utf8))
        }
        let error = await failure { try await enterprise(server.origin, cap: 1 << 20).listSynchronizers() }
        guard case .transport(.enterprise, let reason) = error else {
            Issue.record("expected a transport failure, got \(String(describing: error))")
            return
        }
        #expect(reason != .timeout && reason != .responseTooLarge(limit: 1 << 20), "\(reason)")
    }
}
