import Foundation
import GRDB

/// Fills an empty database with a realistic, deterministic world: three Enterprise accounts
/// (demo, another enterprise owner, a non-enterprise one), the demo fleet, and Synvo users
/// with keys in every status. The same seed and reference date give the same data.
struct FleetSeeder {
    let configuration: SandboxConfiguration

    static let demoAccountID = "acct_demo"
    static let otherAccountID = "acct_other"
    static let basicAccountID = "acct_basic"
    static let demoSynvoUserID = "user_demo"
    static let otherSynvoUserID = "user_other"

    /// Seeds when the database has no accounts yet, and in every case makes the demo
    /// accounts answer to the configured keys (they may differ from a previous run's).
    func seedIfEmpty(_ queue: DatabaseQueue) async throws(SandboxError) {
        do {
            try await queue.write { db in
                let accounts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0
                if accounts == 0 { try seed(db) }
                try db.execute(sql: "UPDATE account SET api_key = ? WHERE id = ?", arguments: [configuration.enterpriseKey, Self.demoAccountID])
                try db.execute(
                    sql: "UPDATE synvo_key SET secret = ? WHERE key_id = ?",
                    arguments: [KeyDigest.hex(configuration.synvoKey), Self.demoSynvoKeyID]
                )
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
        let sql = """
            INSERT INTO account (id, name, api_key, is_enterprise, wallet_address, dashboard_password, default_action, web, owner_wallet)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        try db.execute(sql: sql, arguments: [
            Self.demoAccountID, "Demo Enterprise", configuration.enterpriseKey, true,
            "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE", "••••••••", "service", true,
            "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE",
        ])
        try db.execute(sql: sql, arguments: [
            Self.otherAccountID, "Northwind Relays", SandboxCredentials.otherEnterpriseKey, true,
            "0x8ba1f109551bD432803012645Ac136ddd64DBA72", "••••••••", "start", false,
            "0x8ba1f109551bD432803012645Ac136ddd64DBA72",
        ])
        try db.execute(sql: sql, arguments: [
            Self.basicAccountID, "Hobbyist (not enterprise)", SandboxCredentials.nonEnterpriseKey, false,
            nil, nil, nil, nil, nil,
        ])
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
            try db.execute(
                sql: "INSERT INTO synchronizer (id, account_id, key, name, is_enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    random.uuidShaped(), other.0, random.uuidShaped(), other.1, other.2,
                    reference.timeIntervalSince1970 - Double(offset + 1) * 6 * 86_400,
                ]
            )
        }
    }

    private func seedSynvo(_ db: Database, reference: Date, random: inout SeededGenerator) throws {
        try db.execute(sql: "INSERT INTO synvo_user (id, name) VALUES (?, ?), (?, ?)", arguments: [
            Self.demoSynvoUserID, "Demo User", Self.otherSynvoUserID, "Other User",
        ])
        let day: Double = 86_400
        let now = reference.timeIntervalSince1970
        // (key_id, name, status, created days ago, last used days ago, secret)
        let keys: [(String, String?, String, Double, Double?, String?, String)] = [
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
            ("key_ex8r5g0j", "Trial key", "EXPIRED", 240, 210, SandboxCredentials.expiredSynvoKey, Self.demoSynvoUserID),
            ("key_rt1f6m3v", "Rotating: edge proxy", "PENDING_ROTATION", 30, 2, nil, Self.demoSynvoUserID),
            ("key_ot4a8s2l", "Other user's key", "ACTIVE", 50, 1, SandboxCredentials.otherSynvoKey, Self.otherSynvoUserID),
        ]
        for key in keys {
            let created = (now - key.3 * day - Double(random.next() % 36_000)).rounded(.down)
            let lastUsed = key.4.map { (now - $0 * day).rounded(.down) }
            let prefix = String((key.5 ?? "sk_live_\(random.alphanumeric(4))").prefix(12))
            try db.execute(
                sql: "INSERT INTO synvo_key (key_id, user_id, name, status, created_at, last_used_at, secret, prefix) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [key.0, key.6, key.1, key.2, created, lastUsed, key.5.map(KeyDigest.hex), prefix]
            )
        }
    }
}
