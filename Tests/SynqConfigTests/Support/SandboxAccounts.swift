import Foundation
import GRDB
import SynqSandbox

/// Changes the demo account's preferences in a sandbox's SQLite file, to reach the
/// fallback paths (no preferences wallet, no wallet at all, unknown action).
struct SandboxAccounts {
    let databasePath: String

    func setPreferences(wallet: String?, ownerWallet: String?, defaultAction: String? = "service", web: Bool? = false) throws {
        let queue = try DatabaseQueue(path: databasePath)
        try queue.write { db in
            try db.execute(
                sql: "UPDATE account SET wallet_address = ?, owner_wallet = ?, default_action = ?, web = ? WHERE api_key = ?",
                arguments: [wallet, ownerWallet, defaultAction, web, SandboxCredentials.demoEnterpriseKey]
            )
        }
    }
}

extension SandboxConfiguration {
    /// A test sandbox whose state is in a SQLite file the test can change.
    static func onDisk(_ path: String, fleetSize: Int = 5) -> SandboxConfiguration {
        var configuration = SandboxConfiguration.forTesting(fleetSize: fleetSize)
        configuration.databasePath = path
        return configuration
    }
}
