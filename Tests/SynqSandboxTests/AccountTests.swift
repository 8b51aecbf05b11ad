import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// The seeded accounts behave as the Enterprise API documents for owners and non-enterprise users.
@Suite struct AccountTests {
    @Test func togglingAnotherAccountsSynchronizerIs403AndChangesNothing() async throws {
        try await withSandbox { sandbox in
            let other = try sandbox.enterprise(key: SandboxCredentials.otherEnterpriseKey)
            let theirs = try await other.listSynchronizers().synchronizers
            #expect(theirs.count == 5)
            for synchronizer in theirs {
                let error = await failure { try await sandbox.enterprise().setSynchronizer(id: synchronizer.id, enabled: !(synchronizer.isEnabled ?? false)) }
                #expect(error == .forbidden(.enterprise, message: "You can only modify your own synchronizers"))
            }
            #expect(try await other.listSynchronizers().synchronizers == theirs)
            // The owner may.
            let first = try #require(theirs.first)
            let result = try await other.setSynchronizer(id: first.id, enabled: false)
            #expect(result.synchronizer.isEnabled == false)
        }
    }

    @Test func theNonEnterpriseAccountIs401Everywhere() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.enterprise(key: SandboxCredentials.nonEnterpriseKey)
            let unauthorized = APIError.unauthorized(.enterprise, message: "Unauthorized", code: nil)
            #expect(await failure { try await client.listSynchronizers() } == unauthorized)
            #expect(await failure { try await client.preferences() } == unauthorized)
            #expect(await failure { try await client.createSynchronizer(name: "nope") } == unauthorized)
            #expect(await failure { try await client.setSynchronizer(id: "x", enabled: true) } == unauthorized)
        }
    }

    @Test func theOtherAccountHasItsOwnPreferences() async throws {
        try await withSandbox { sandbox in
            let theirs = try await sandbox.enterprise(key: SandboxCredentials.otherEnterpriseKey).preferences()
            let mine = try await sandbox.enterprise().preferences()
            #expect(theirs.preferences.walletAddress != mine.preferences.walletAddress)
            #expect(theirs.preferences.defaultAction == .start)
            #expect(theirs.preferences.web == false)
        }
    }
}
