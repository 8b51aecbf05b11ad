import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Opens the sandbox's SQLite database (a file, or memory) and brings its schema up to date.
///
/// A file is a `DatabasePool` (WAL: lists read concurrently while a toggle writes), created
/// 0600 before SQLite opens it, since it holds the demo accounts' keys; SQLite gives its WAL
/// and shared-memory files the same mode. Memory is a `DatabaseQueue`.
///
/// Dates are stored as Unix seconds (REAL); Synvo key statuses as free text, so a status the
/// API does not document can be stored and served as clients would meet it (with
/// `--undocumented-statuses`).
enum SandboxDatabase {
    static func open(path: String?) throws(SandboxError) -> any DatabaseWriter {
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            let writer: any DatabaseWriter
            if let path {
                try createPrivately(path)
                writer = try DatabasePool(path: path, configuration: configuration)
            } else {
                writer = try DatabaseQueue(configuration: configuration)
            }
            try migrator.migrate(writer)
            return writer
        } catch let error as SandboxError {
            throw error
        } catch {
            throw .database(String(describing: error))
        }
    }

    /// Creates the file with mode 0600 if it does not exist yet; an existing file keeps its mode.
    private static func createPrivately(_ path: String) throws(SandboxError) {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if descriptor >= 0 {
            Glibc.close(descriptor)
            return
        }
        guard errno == EEXIST else { throw .database("cannot create \(path): \(String(cString: strerror(errno)))") }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "account") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("api_key", .text).notNull().unique()
                t.column("is_enterprise", .boolean).notNull()
                t.column("wallet_address", .text)
                t.column("dashboard_password", .text)
                t.column("default_action", .text)
                t.column("web", .boolean)
                t.column("owner_wallet", .text)
            }
            try db.create(table: "synchronizer") { t in
                // `seq` keeps the list in creation order without sorting on dates.
                t.autoIncrementedPrimaryKey("seq")
                t.column("id", .text).notNull().unique()
                t.column("account_id", .text).notNull().references("account")
                t.column("key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("is_enabled", .boolean).notNull()
                t.column("created_at", .double).notNull()
            }
            try db.create(index: "synchronizer_by_account", on: "synchronizer", columns: ["account_id", "seq"])
            try db.create(table: "synvo_user") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
            }
            try db.create(table: "synvo_key") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("key_id", .text).notNull().unique()
                t.column("user_id", .text).notNull().references("synvo_user")
                t.column("name", .text)
                t.column("status", .text).notNull()
                t.column("created_at", .double).notNull()
                t.column("last_used_at", .double)
                // SHA-256 of the key (KeyDigest): presented keys are looked up by digest, and
                // a key created through the API cannot be recovered from the database.
                t.column("secret", .text).unique()
                t.column("prefix", .text).notNull()
            }
            try db.create(index: "synvo_key_by_user", on: "synvo_key", columns: ["user_id", "seq"])
        }
        return migrator
    }
}
