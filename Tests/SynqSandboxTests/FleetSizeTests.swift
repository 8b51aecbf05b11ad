import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// `--fleet-size` seeds exactly that many synchronizers, up to the large fleets the TUI must cope with.
@Suite struct FleetSizeTests {
    @Test func seedsOneHundredThousand() async throws {
        try await withSandbox(.forTesting(fleetSize: 100_000)) { sandbox in
            let list = try await sandbox.enterprise().listSynchronizers()
            #expect(list.synchronizers.count == 100_000)
            #expect(list.skipped == 0)
            #expect(Set(list.synchronizers.map(\.id)).count == 100_000)
        }
    }

    @Test(arguments: [0, 1, 3])
    func seedsSmallFleets(size: Int) async throws {
        try await withSandbox(.forTesting(fleetSize: size)) { sandbox in
            let list = try await sandbox.enterprise().listSynchronizers()
            #expect(list.synchronizers.count == size)
        }
    }

    @Test(arguments: [-1, SandboxConfiguration.maxFleetSize + 1])
    func refusesImpossibleSizes(size: Int) async throws {
        await #expect(throws: SandboxError.self) { _ = try await RunningSandbox.start(.forTesting(fleetSize: size)) }
    }
}
