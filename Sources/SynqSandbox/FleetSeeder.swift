import Foundation
import GRDB

/// Fills an empty database with a realistic, deterministic world: three Enterprise accounts
/// (demo, another enterprise owner, a non-enterprise one), the demo fleet, and Synvo users
/// with keys in every documented status (ACTIVE, REVOKED, DISABLED, UNKNOWN; EXPIRED and
/// PENDING_ROTATION too with `undocumentedStatuses`). The same seed and reference date give
/// the same data.
struct FleetSeeder {
    let configuration: SandboxConfiguration

    static let demoAccountID = "acct_demo"
    static let otherAccountID = "acct_other"
    static let basicAccountID = "acct_basic"
    static let demoSynvoUserID = "user_demo"
    static let otherSynvoUserID = "user_other"

    /// Seeds when the database has no accounts yet, and in every case makes the demo
    /// accounts answer to the configured keys (they may differ from a previous run's).
    func seedIfEmpty(_ writer: any DatabaseWriter) async throws(SandboxError) {
        do {
            try await writer.write { db in
                if try AccountRecord.fetchCount(db) == 0 { try seed(db) }
                try AccountRecord.filter(AccountRecord.Columns.id == Self.demoAccountID)
                    .updateAll(db, AccountRecord.Columns.apiKey.set(to: configuration.enterpriseKey))
                try SynvoKeyRecord.filter(SynvoKeyRecord.Columns.keyId == Self.demoSynvoKeyID)
                    .updateAll(db, SynvoKeyRecord.Columns.secret.set(to: KeyDigest.hex(configuration.synvoKey)))
            }
        } catch {
            throw .database(String(describing: error))
        }
    }

    static let demoSynvoKeyID = "key_demo4f9a2c"

    private var referenceDate: Date {
        if let date = configuration.referenceDate { return date }
        let now = Date().timeIntervalSince1970
        return Date(timeIntervalSince1970: (now / 86_400).rounded(.down) * 86_400)
    }

    private func seed(_ db: Database) throws {
        var random = SeededGenerator(seed: configuration.seed)
        let reference = referenceDate
        try seedAccounts(db)
        try seedFleet(db, accountID: Self.demoAccountID, size: configuration.fleetSize, reference: reference, random: &random)
        try seedOthers(db, reference: reference, random: &random)
        try seedSynvo(db, reference: reference, random: &random)
    }

    private func seedAccounts(_ db: Database) throws {
        let accounts = [
            AccountRecord(
                id: Self.demoAccountID, name: "Demo Enterprise", apiKey: configuration.enterpriseKey, isEnterprise: true,
                walletAddress: "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE", dashboardPassword: "••••••••", defaultAction: "service", web: true,
                ownerWallet: "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE"
            ),
            AccountRecord(
                id: Self.otherAccountID, name: "Northwind Relays", apiKey: SandboxCredentials.otherEnterpriseKey, isEnterprise: true,
                walletAddress: "0x8ba1f109551bD432803012645Ac136ddd64DBA72", dashboardPassword: "••••••••", defaultAction: "start", web: false,
                ownerWallet: "0x8ba1f109551bD432803012645Ac136ddd64DBA72"
            ),
            AccountRecord(id: Self.basicAccountID, name: "Hobbyist (not enterprise)", apiKey: SandboxCredentials.nonEnterpriseKey, isEnterprise: false),
        ]
        for account in accounts { try account.insert(db) }
    }

    /// The documented samples come first, then names that exercise wide characters,
    /// right-to-left text, emoji and a hostile escape sequence, then generated names.
    static let featuredNames: [(name: String, key: String?, enabled: Bool)] = [
        ("Production Server 1", "b1df0d63-83b3-478d-a55f-a6c402e74185", true),
        ("Staging Server", "c2ef1e74-94c4-589e-b66g-b7d513f85296", false),
        ("東京-中継-01", nil, true),
        ("서울 엣지 노드 2", nil, true),
        ("Zürich Relay", nil, true),
        ("São Paulo Gateway", nil, false),
        ("Москва-узел-3", nil, true),
        ("مزامن الرياض", nil, true),
        ("🚀 launch-pad", nil, true),
        ("evil\u{1B}]0;pwned\u{07}\u{1B}[31m-node", nil, false),
        ("a-very-long-synchronizer-name-that-keeps-going-to-test-column-truncation-in-narrow-terminals", nil, true),
    ]

    static let environments = ["prod", "staging", "dev", "canary", "qa"]
    static let roles = ["edge", "relay", "validator", "worker", "gateway", "archive", "indexer"]
    static let regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2", "sa-east-1", "af-south-1"]

    private func seedFleet(_ db: Database, accountID: String, size: Int, reference: Date, random: inout SeededGenerator) throws {
        guard size > 0 else { return }
        // One prepared statement rather than a record per row: up to 1,000,000 rows.
        let statement = try db.makeStatement(
            sql: "INSERT INTO synchronizer (id, account_id, key, name, is_enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)"
        )
        // Spread creation over about nine months, oldest first, so the list reads as a history.
        let span: Double = 270 * 86_400
        let start = reference.timeIntervalSince1970 - span
        let step = span / Double(max(size, 1))
        for index in 0..<size {
            let name: String
            var key: String?
            var enabled: Bool
            if index < Self.featuredNames.count {
                (name, key, enabled) = Self.featuredNames[index]
            } else {
                let environment = Self.environments[Int(random.next() % UInt64(Self.environments.count))]
                let role = Self.roles[Int(random.next() % UInt64(Self.roles.count))]
                let region = Self.regions[Int(random.next() % UInt64(Self.regions.count))]
                let number = index % 100 + 1
                name = "\(environment)-\(role)-\(region)-\(number < 10 ? "0" : "")\(number)"
                // Roughly one in six is disabled; staging and dev more often.
                let odds: UInt64 = environment == "prod" ? 10 : 4
                enabled = random.next() % odds != 0
            }
            let id = random.uuidShaped()
            let synqKey = key ?? random.uuidShaped()
            // Jitter within a step keeps the list in creation order.
            let jitter = Double(random.next() % UInt64(max(1, min(3_600, step * 0.8))))
            let createdAt = (start + step * Double(index) + jitter).rounded(.down)
            try statement.execute(arguments: [id, accountID, synqKey, name, enabled, createdAt])
        }
    }

    private func seedOthers(_ db: Database, reference: Date, random: inout SeededGenerator) throws {
        let others: [(String, String, Bool)] = [
            (Self.otherAccountID, "northwind-relay-frankfurt", true),
            (Self.otherAccountID, "northwind-relay-oregon", true),
            (Self.otherAccountID, "northwind-archive-1", false),
            (Self.otherAccountID, "northwind-gateway-sg", true),
            (Self.otherAccountID, "northwind-canary", false),
            (Self.basicAccountID, "hobby-pi-4", true),
            (Self.basicAccountID, "hobby-laptop", false),
        ]
        for (offset, other) in others.enumerated() {
            try SynchronizerRecord(
                id: random.uuidShaped(), accountId: other.0, key: random.uuidShaped(), name: other.1, isEnabled: other.2,
                createdAt: reference.timeIntervalSince1970 - Double(offset + 1) * 6 * 86_400
            ).insert(db)
        }
    }

    private func seedSynvo(_ db: Database, reference: Date, random: inout SeededGenerator) throws {
        try SynvoUserRecord(id: Self.demoSynvoUserID, name: "Demo User").insert(db)
        try SynvoUserRecord(id: Self.otherSynvoUserID, name: "Other User").insert(db)
        let day: Double = 86_400
        let now = reference.timeIntervalSince1970
        let undocumented = configuration.undocumentedStatuses
        // (key_id, name, status, created days ago, last used days ago, secret, user)
        var keys: [(String, String?, String, Double, Double?, String?, String)] = [
            (Self.demoSynvoKeyID, "Demo Key", "ACTIVE", 120, 0.2, configuration.synvoKey, Self.demoSynvoUserID),
            ("key_abc123xyz", "Production API Key", "ACTIVE", 95, 1.5, nil, Self.demoSynvoUserID),
            ("key_def456uvw", "Development Key", "ACTIVE", 80, 3, nil, Self.demoSynvoUserID),
            ("key_ci7m2p9q", "CI pipeline", "ACTIVE", 60, 0.9, nil, Self.demoSynvoUserID),
            ("key_n3w8k1y5", nil, "ACTIVE", 12, nil, nil, Self.demoSynvoUserID),
            ("key_ghi789rst", "Old Testing Key", "REVOKED", 200, 190, nil, Self.demoSynvoUserID),
            ("key_rv5t2k8e", "Leaked in a gist", "REVOKED", 150, 149, SandboxCredentials.revokedSynvoKey, Self.demoSynvoUserID),
            ("key_lp0x4d7z", "Laptop (lost)", "REVOKED", 170, nil, nil, Self.demoSynvoUserID),
            ("key_sp6u3n1c", "Nightly batch (paused)", "DISABLED", 100, 20, SandboxCredentials.suspendedSynvoKey, Self.demoSynvoUserID),
            ("key_ds2b9h4w", "Analytics export", "DISABLED", 45, 30, nil, Self.demoSynvoUserID),
        ]
        // A status the API does not document reads as the real API to a user of the demo, so
        // it is there only when asked for; otherwise that key's status is the documented UNKNOWN.
        if undocumented {
            keys.append(("key_ex8r5g0j", "Trial key", "EXPIRED", 240, 210, SandboxCredentials.expiredSynvoKey, Self.demoSynvoUserID))
        }
        keys.append(("key_rt1f6m3v", "Rotating: edge proxy", undocumented ? "PENDING_ROTATION" : "UNKNOWN", 30, 2, nil, Self.demoSynvoUserID))
        keys.append(("key_ot4a8s2l", "Other user's key", "ACTIVE", 50, 1, SandboxCredentials.otherSynvoKey, Self.otherSynvoUserID))
        for key in keys {
            let created = (now - key.3 * day - Double(random.next() % 36_000)).rounded(.down)
            let lastUsed = key.4.map { (now - $0 * day).rounded(.down) }
            let prefix = String((key.5 ?? "sk_live_\(random.alphanumeric(4))").prefix(12))
            try SynvoKeyRecord(
                keyId: key.0, userId: key.6, name: key.1, status: key.2, createdAt: created, lastUsedAt: lastUsed,
                secret: key.5.map(KeyDigest.hex), prefix: prefix
            ).insert(db)
        }
    }
}
