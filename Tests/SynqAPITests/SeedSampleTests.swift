import Foundation
@testable import SynqAPI
import Testing

/// The sample payloads of the two API documents, copied verbatim, decode with the client models.
@Suite struct SeedSampleTests {
    static let listSample = """
        {
        "success": true,
        "synchronizers": [
        {
        "id": "uuid-1",
        "key": "b1df0d63-83b3-478d-a55f-a6c402e74185",
        "name": "Production Server 1",
        "isEnabled": true,
        "createdAt": "2024-01-15T10:30:00Z"
        },
        {
        "id": "uuid-2",
        "key": "c2ef1e74-94c4-589e-b66g-b7d513f85296",
        "name": "Staging Server",
        "isEnabled": false,
        "createdAt": "2024-01-16T14:20:00Z"
        }
        ]
        }
        """

    static let createSample = """
        {
        "success": true,
        "message": "Successfully generated synchronizer",
        "synchronizer": {
        "id": "uuid-here",
        "key": "b1df0d63-83b3-478d-a55f-a6c402e74185",
        "name": "Production Server 1"
        }
        }
        """

    static let toggleSample = """
        {
        "success": true,
        "message": "Synchronizer enabled successfully",
        "synchronizer": {
        "id": "uuid-here",
        "key": "b1df0d63-83b3-478d-a55f-a6c402e74185",
        "name": "Production Server 1",
        "isEnabled": true
        }
        }
        """

    /// Verbatim, including the mis-encoded bullets and the trailing comma after `"web": true`.
    static let preferencesSample = """
        {
        "success": true,
        "message": "Preferences retrieved successfully",
        "preferences": {
        "walletAddress": "0x1234...abcd",
        "dashboardPassword": "β’β’β’β’β’β’β’β’",
        "defaultAction": "service",
        "web": true,
        },
        "owner": {
        "walletAddress": "0x1234...abcd"
        }
        }
        """

    static let keysSample = """
        {
          "success": true,
          "items": [
            {
              "key_id": "key_abc123xyz",
              "name": "Production API Key",
              "status": "ACTIVE",
              "created_at": "2024-01-15T10:30:00Z",
              "last_used_at": "2024-01-16T14:22:00Z"
            },
            {
              "key_id": "key_def456uvw",
              "name": "Development Key",
              "status": "ACTIVE",
              "created_at": "2024-01-10T09:15:00Z",
              "last_used_at": "2024-01-15T16:45:00Z"
            },
            {
              "key_id": "key_ghi789rst",
              "name": "Old Testing Key",
              "status": "REVOKED",
              "created_at": "2024-01-01T12:00:00Z",
              "last_used_at": "2024-01-05T10:30:00Z"
            }
          ]
        }
        """

    static let createdKeySample = """
        {
          "success": true,
          "key_id": "key_new123xyz",
          "api_key": "sk_live_abcdef123456789..."
        }
        """

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCoding.decoder().decode(T.self, from: Data(text.utf8))
    }

    @Test func synchronizerListSampleDecodesWithTheNonHexKey() throws {
        let list = try decode(SynchronizerList.self, Self.listSample)
        #expect(list.skipped == 0)
        #expect(list.synchronizers.map(\.id) == ["uuid-1", "uuid-2"])
        #expect(list.synchronizers[1].key == "c2ef1e74-94c4-589e-b66g-b7d513f85296")
        #expect(list.synchronizers.map(\.isEnabled) == [true, false])
        #expect(list.synchronizers[0].createdAt == Date(timeIntervalSince1970: 1_705_314_600))
    }

    @Test func createAndToggleSamplesDecode() throws {
        let created = try decode(SynchronizerResult.self, Self.createSample)
        #expect(created.message == "Successfully generated synchronizer")
        #expect(created.synchronizer == Synchronizer(id: "uuid-here", key: "b1df0d63-83b3-478d-a55f-a6c402e74185", name: "Production Server 1"))
        let toggled = try decode(SynchronizerResult.self, Self.toggleSample)
        #expect(toggled.synchronizer.isEnabled == true)
        #expect(toggled.message == "Synchronizer enabled successfully")
    }

    /// The documented preferences sample has a trailing comma, which is not JSON. Whatever
    /// Foundation's parser makes of it, the client must either read it or fail cleanly as
    /// `.undecodable` with a readable excerpt.
    @Test func preferencesSampleWithTrailingCommaIsReadOrCleanlyUndecodable() throws {
        let interpreter = ResponseInterpreter(service: .enterprise, redact: Redactor([]))
        let response = HTTPResponse(status: 200, headers: [:], body: Data(Self.preferencesSample.utf8))
        do {
            let preferences = try interpreter.decode(PreferencesResponse.self, from: response)
            #expect(preferences.preferences.defaultAction == .service)
            #expect(preferences.preferences.web == true)
            #expect(preferences.preferences.dashboardPassword == "β’β’β’β’β’β’β’β’")
            #expect(preferences.owner?.walletAddress == "0x1234...abcd")
        } catch {
            guard case .undecodable(.enterprise, 200, let excerpt) = error else {
                Issue.record("expected undecodable, got \(error)")
                return
            }
            #expect(excerpt.hasPrefix("{"))
        }
    }

    @Test func preferencesSampleWithoutTheTrailingCommaDecodes() throws {
        let fixed = Self.preferencesSample.replacingOccurrences(of: "\"web\": true,\n}", with: "\"web\": true\n}")
        #expect(fixed != Self.preferencesSample)
        let preferences = try decode(PreferencesResponse.self, fixed)
        #expect(preferences.message == "Preferences retrieved successfully")
        #expect(preferences.preferences.walletAddress == "0x1234...abcd")
        #expect(preferences.preferences.defaultAction == .service)
        #expect(preferences.preferences.web == true)
    }

    @Test func synvoSamplesDecode() throws {
        let keys = try decode(SynvoKeyList.self, Self.keysSample)
        #expect(keys.items.map(\.keyID) == ["key_abc123xyz", "key_def456uvw", "key_ghi789rst"])
        #expect(keys.items.map(\.status) == [.active, .active, .revoked])
        #expect(keys.items[0].lastUsedAt == Date(timeIntervalSince1970: 1_705_414_920))
        let created = try decode(CreatedSynvoKey.self, Self.createdKeySample)
        #expect(created.keyID == "key_new123xyz")
        #expect(created.apiKey.reveal() == "sk_live_abcdef123456789...")
        #expect(!"\(created)".contains("sk_live"))
    }

    @Test func documentedErrorBodiesDecode() throws {
        for message in ["Unauthorized", "Synchronizer name is required", "Synchronizer not found", "You can only modify your own synchronizers"] {
            let body = try decode(EnterpriseErrorBody.self, "{\n\"success\": false,\n\"message\": \"\(message)\"\n}")
            #expect(body == EnterpriseErrorBody(message: message))
        }
        let invalid = try decode(SynvoErrorBody.self, #"{ "error": "Invalid API key", "code": "INVALID_API_KEY" }"#)
        #expect(invalid.code.flatMap(SynvoErrorCode.init(rawValue:)) == .invalidAPIKey)
        let revoked = try decode(SynvoErrorBody.self, #"{ "error": "API key has been revoked", "code": "API_KEY_REVOKED" }"#)
        #expect(revoked.code.flatMap(SynvoErrorCode.init(rawValue:)) == .apiKeyRevoked)
    }
}
