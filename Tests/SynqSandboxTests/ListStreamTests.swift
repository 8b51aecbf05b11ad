import Foundation
import GRDB
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

    /// The list is written from SQLite's rows without `Codable`; its bytes must still be what
    /// the encoder writes for the rows as GRDB reads them, hostile text and odd dates included,
    /// across a page boundary.
    @Test func theListWrittenFromSQLiteIsTheEncodersBytesForHostileRows() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        var configuration = SandboxConfiguration.forTesting(fleetSize: 4100)
        configuration.databasePath = scratch.path("sandbox.sqlite")
        _ = try await withSandbox(configuration) { try await $0.enterprise().listSynchronizers() }

        let hostile: [(name: String, created: Double, enabled: Int)] = [
            (#"quote " and "quoted""#, 0, 1), (#"back\slash \\ \u0041 \""#, -1, 0), ("slash/and//more </script>", 0.999, 1),
            ("controls \u{1}\u{8}\t\n\u{b}\u{c}\r\u{1b}[31m\u{1f} end", -0.5, 2), ("del \u{7f} and c1 \u{85}\u{9b}", 951_782_400, 1),
            ("日本語 Ünïcödé 🚀 \u{2028}\u{2029} \u{202e}rtl", 253_402_300_799, 0), ("year ten thousand", 253_402_300_800, 1),
            ("year zero", -62_167_219_200, 1), ("before year zero", -62_167_219_201, 0), ("far future", 1e12, 1),
            ("", 1_709_164_800.75, 1),
        ]
        let writer = try DatabaseQueue(path: try #require(configuration.databasePath))
        try await writer.write { db in
            for (index, row) in hostile.enumerated() {
                try db.execute(sql: "INSERT INTO synchronizer (id, account_id, key, name, is_enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: ["hostile-\(index)", FleetSeeder.demoAccountID, "key/\(index)\\\"", row.name, row.enabled, row.created])
            }
            // Text GRDB would not write: invalid UTF-8, an embedded NUL, an overlong slash.
            try db.execute(sql: """
                INSERT INTO synchronizer (id, account_id, key, name, is_enabled, created_at) VALUES
                  ('raw-1', ?, CAST(X'C0AF2F' AS TEXT), CAST(X'666FFFFE80' AS TEXT), 1, 1000),
                  ('raw-2', ?, 'k', CAST(X'610062' AS TEXT), 0, 2000)
                """, arguments: [FleetSeeder.demoAccountID, FleetSeeder.demoAccountID])
        }
        let records = try await writer.read { db in
            try SynchronizerRecord.filter(SynchronizerRecord.Columns.accountId == FleetSeeder.demoAccountID)
                .order(SynchronizerRecord.Columns.seq).fetchAll(db)
        }
        try writer.close()
        #expect(records.count == 4100 + hostile.count + 2)

        struct Reference: Encodable {
            var success = true
            var synchronizers: [Synchronizer]
        }
        let expected = try JSONCoding.encoder().encode(Reference(synchronizers: records.map(\.synchronizer)))
        try await withSandbox(configuration) { sandbox in
            let raw = try await sandbox.raw("GET", "/api/synq-keys/enterprise/synchronizers", headers: ["X-Enterprise-API-Key": SandboxCredentials.demoEnterpriseKey])
            #expect(raw.status == 200)
            #expect(raw.body == expected)
            if raw.body != expected {
                let mismatch = zip(raw.body, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(raw.body.count, expected.count)
                Issue.record("first difference at byte \(mismatch): \(String(decoding: raw.body.dropFirst(max(0, mismatch - 80)).prefix(160), as: UTF8.self))")
            }
        }
    }
}
