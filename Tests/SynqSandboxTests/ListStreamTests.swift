import Foundation
import SynqAPI
@testable import SynqSandbox
import SynqTestSupport
import Testing

/// The synchronizer list is streamed page by page, in exactly the bytes the encoder writes
/// for the whole list at once.
@Suite struct ListStreamTests {
    @Test(arguments: [0, 1, 40, 4096, 4097, 9000])
    func theStreamedListIsByteForByteTheEncodedList(fleetSize: Int) async throws {
        try await withSandbox(.forTesting(fleetSize: fleetSize)) { sandbox in
            let raw = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey])
            #expect(raw.status == 200)
            let decoded = try JSONCoding.decoder().decode(SynchronizerList.self, from: raw.body)
            #expect(decoded.synchronizers.count == fleetSize)
            #expect(decoded.skipped == 0)
            #expect(try JSONCoding.encoder().encode(decoded) == raw.body)
            #expect(Set(decoded.synchronizers.map(\.id)).count == fleetSize, "no row twice across pages")
        }
    }

    @Test func aTruncatedFaultStillCutsTheStreamedBodyInHalf() async throws {
        try await withSandbox { sandbox in
            let headers = ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey]
            let whole = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: headers)
            try await sandbox.inject(FaultRule(route: "GET /api/synq-keys/enterprise/synchronizers", kind: .truncated, count: 1))
            let cut = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: headers)
            #expect(cut.body == whole.body.prefix(whole.body.count / 2))
            #expect(cut.header("Content-Length") == String(whole.body.count / 2))
        }
    }
}
