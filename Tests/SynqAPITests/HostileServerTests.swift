import Foundation
import SynqAPI
import SynqTestSupport
import Testing

/// The loopback test server itself: a stopped server never answers for a later one.
@Suite(.timeLimit(.minutes(1)))
struct HostileServerTests {
    /// `stop` used to close the listener while the server's accept thread had not yet
    /// reached `accept` (threads start late on a loaded machine); the next server's listener
    /// got the same descriptor number, and the old thread then took its connections and
    /// answered with the old script — a test whose server "recorded no request at all".
    @Test func aServerStoppedBeforeItsThreadRanNeverTakesALaterServersConnections() async throws {
        let early = try HostileServer(acceptDelay: .milliseconds(100)) { _ in .json(200, #"{"success":true,"synchronizers":[]}"#) }
        early.stop()
        let server = try HostileServer { _ in .json(200, #"{"success":true,"synchronizers":[]}"#) }
        try await Task.sleep(for: .milliseconds(300))
        let client = EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: server.origin + "/api"), apiKey: Secret("k"),
                                      transport: AsyncHTTPClientTransport(timeout: 5, proxies: .none))
        for _ in 0..<5 {
            _ = try await client.listSynchronizers()
        }
        #expect(server.requests.count == 5)
        #expect(early.requests.isEmpty)
    }
}
