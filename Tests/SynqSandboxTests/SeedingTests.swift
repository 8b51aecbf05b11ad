import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

@Suite struct SeedingTests {
    @Test func seedsTheDemoFleet() async throws {
        try await withSandbox { sandbox in
            let list = try await sandbox.enterprise().listSynchronizers()
            #expect(list.synchronizers.count == SandboxConfiguration.defaultFleetSize)
            #expect(list.skipped == 0)
            #expect(list.synchronizers.contains { $0.key == "c2ef1e74-94c4-589e-b66g-b7d513f85296" })
            #expect(list.synchronizers.contains { $0.isEnabled == false })
            #expect(list.synchronizers.contains { $0.name.unicodeScalars.contains { $0.value > 0x3000 } })
            #expect(Set(list.synchronizers.map(\.id)).count == list.synchronizers.count)
            let dates = list.synchronizers.compactMap(\.createdAt)
            #expect(dates.count == list.synchronizers.count)
            let spread = try #require(dates.max()).timeIntervalSince(try #require(dates.min()))
            #expect(spread > 60 * 86_400)
        }
    }

    @Test func sameSeedSameFleet() async throws {
        let date = Date(timeIntervalSince1970: 1_720_000_000)
        var configuration = SandboxConfiguration.forTesting()
        configuration.referenceDate = date
        let first = try await withSandbox(configuration) { try await $0.enterprise().listSynchronizers() }
        let second = try await withSandbox(configuration) { try await $0.enterprise().listSynchronizers() }
        #expect(first == second)
        configuration.seed += 1
        let third = try await withSandbox(configuration) { try await $0.enterprise().listSynchronizers() }
        #expect(first.synchronizers.map(\.id) != third.synchronizers.map(\.id))
    }
}
