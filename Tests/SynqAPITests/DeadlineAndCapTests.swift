import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// One total deadline per request (connect, headers and body, however slowly the bytes
/// come), and a size cap counted while bytes arrive, not after the body is in memory.
@Suite(.timeLimit(.minutes(1)))
struct DeadlineAndCapTests {
    static let listPath = "/api/synq-keys/enterprise/synchronizers"

    private func enterprise(_ server: HostileServer, timeout: TimeInterval = 5, cap: Int = AsyncHTTPClientTransport.defaultMaxResponseBytes) throws -> EnterpriseClient {
        EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: server.origin + "/api"), apiKey: Secret(SandboxCredentials.demoEnterpriseKey),
                         transport: AsyncHTTPClientTransport(timeout: timeout, maxResponseBytes: cap, proxies: .none))
    }

    @Test func aTricklingBodyEndsAtTheDeadline() async throws {
        // Headers at once, then one byte every 0.4 s: never idle long enough for a read timeout.
        // The bytes are spaces, which JSON allows before a document, so the list parser,
        // reading as they arrive, keeps waiting for more (an `x` would fail it at once).
        let server = try HostileServer { _ in
            .trickle(status: 200, headers: ["Content-Type": "application/json"], length: 500, interval: .milliseconds(400), byte: UInt8(ascii: " "))
        }
        let started = ContinuousClock.now
        let error = await failure { try await enterprise(server, timeout: 1.5).listSynchronizers() }
        let elapsed = ContinuousClock.now - started
        #expect(error == .transport(.enterprise, .timeout))
        #expect(elapsed >= .milliseconds(1400) && elapsed < .seconds(4), "ended after \(elapsed)")
    }

    @Test func headersThatNeverComeEndAtTheDeadline() async throws {
        let server = try HostileServer { _ in
            Thread.sleep(forTimeInterval: 20)
            return .json(200, "{}")
        }
        let started = ContinuousClock.now
        let error = await failure { try await enterprise(server, timeout: 1).preferences() }
        #expect(error == .transport(.enterprise, .timeout))
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func aBodyPastTheCapStopsBeingReadAtTheCap() async throws {
        // 1 GiB with no Content-Length (ended by close): only the cap, plus what the socket
        // buffers hold, may leave the server before the client gives up.
        let server = try HostileServer { _ in .flood(declared: nil, total: 1 << 30) }
        let cap = 1 << 20
        let error = await failure { try await enterprise(server, timeout: 30, cap: cap).listSynchronizers() }
        #expect(error == .transport(.enterprise, .responseTooLarge(limit: cap)))
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.bytesSent < 64 << 20, "the client kept reading: \(server.bytesSent) bytes sent")
    }

    @Test func aDeclaredLengthPastTheCapFailsBeforeTheBody() async throws {
        let server = try HostileServer { _ in .flood(declared: 3 << 30, total: 3 << 30) }
        let error = await failure { try await enterprise(server, timeout: 30, cap: 1 << 20).listSynchronizers() }
        #expect(error == .transport(.enterprise, .responseTooLarge(limit: 1 << 20)))
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.bytesSent < 64 << 20)
    }

    @Test func theStreamHandsOverChunksAsTheyArriveAndCountsTheCap() async throws {
        try await withSandbox(.forTesting(fleetSize: 2000)) { sandbox in
            let transport = AsyncHTTPClientTransport(timeout: 10, proxies: .none)
            let request = HTTPRequest(method: .get, url: sandbox.enterpriseURL.appendingPathComponent("synq-keys/enterprise/synchronizers"),
                                      headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey])
            let whole = try await transport.send(request)
            let (status, chunks, bytes) = try await transport.stream(request) { head, body in
                var chunks = 0
                var bytes: [UInt8] = []
                for try await chunk in body {
                    chunks += 1
                    bytes += chunk
                }
                return (head.status, chunks, bytes)
            }
            #expect(status == 200)
            #expect(Data(bytes) == whole.body)
            #expect(chunks > 1, "a large body arrives in several chunks")

            let capped = AsyncHTTPClientTransport(timeout: 10, maxResponseBytes: whole.body.count - 1, proxies: .none)
            await #expect(throws: TransportFailure.responseTooLarge(limit: whole.body.count - 1)) {
                try await capped.stream(request) { _, body in
                    for try await _ in body {}
                }
            }
        }
    }

    @Test func theDeadlineCoversAConsumerThatIsStillReading() async throws {
        let server = try HostileServer { _ in .trickle(status: 200, length: 100, interval: .milliseconds(300)) }
        let transport = AsyncHTTPClientTransport(timeout: 1, proxies: .none)
        let started = ContinuousClock.now
        await #expect(throws: TransportFailure.timeout) {
            try await transport.stream(HTTPRequest(method: .get, url: URL(string: server.origin + "/")!)) { _, body in
                var count = 0
                for try await chunk in body { count += chunk.count }
                return count
            }
        }
        #expect(ContinuousClock.now - started < .seconds(3))
    }
}
