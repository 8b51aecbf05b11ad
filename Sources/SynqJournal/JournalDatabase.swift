import Foundation
import GRDB

/// The journal file: a WAL-mode SQLite database (so `synq events` reads while a TUI or a
/// watcher writes) holding one `event` table.
struct JournalDatabase: Sendable {
    let pool: DatabasePool
    let path: String

    /// How long a write waits for another synq writing the same journal.
    static let busyTimeout: TimeInterval = 2

    /// Creates the folder and file with private modes, then opens and migrates the database.
    /// A writer refuses a file its owner may not write, before SQLite is asked.
    static func open(_ location: JournalLocation, writing: Bool = true) throws(JournalError) -> JournalDatabase {
        try JournalFiles.prepare(location)
        let path = location.file
        if writing, !JournalFiles.ownerMayWrite(path) { throw .readOnly(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "synq-journal"
        // WAL with synchronous=NORMAL: a commit is not fsynced, only checkpoints are. A crash
        // of synq loses nothing; a power cut may lose the last polls' events, which a
        // journal of observations can afford, and no poll waits on the disk.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try migrator.migrate(pool)
            return JournalDatabase(pool: pool, path: path)
        } catch {
            throw classify(error, path: path)
        }
    }

    /// Opens an existing journal to read it; nil when there is none yet.
    static func openForReading(_ location: JournalLocation) throws(JournalError) -> JournalDatabase? {
        guard FileManager.default.fileExists(atPath: location.file) else { return nil }
        return try open(location, writing: false)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("observed_at", .double).notNull()
                t.column("profile", .text).notNull()
                t.column("resource", .text).notNull()
                t.column("item_id", .text).notNull()
                t.column("name", .text)
                t.column("kind", .text).notNull()
                t.column("old_value", .text)
                t.column("new_value", .text)
                t.column("origin", .text).notNull()
            }
            try db.create(index: "event_by_time", on: "event", columns: ["observed_at"])
            try db.create(index: "event_by_item", on: "event", columns: ["item_id", "seq"])
        }
        return migrator
    }

    /// Appends one poll's events in one transaction, through one prepared statement.
    func append(_ events: [JournalEvent]) async throws(JournalError) {
        guard !events.isEmpty else { return }
        do {
            try await pool.write { db in
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO event (observed_at, profile, resource, item_id, name, kind, old_value, new_value, origin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for event in events {
                    try insert.execute(arguments: [event.observedAt.timeIntervalSince1970, event.profile, event.resource.rawValue,
                                                   event.itemID, event.name, event.kind.rawValue, event.oldValue,
                                                   event.newValue, event.origin.rawValue])
                }
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The last row written so far (0 for an empty journal).
    func lastSequence() async throws(JournalError) -> Int64 {
        do {
            return try await pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM event") ?? 0 }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Events matching the query, oldest first.
    func events(_ query: EventQuery) async throws(JournalError) -> [JournalEvent] {
        let (sql, arguments) = Self.select(query)
        do {
            return try await pool.read { db in
                var events: [JournalEvent] = []
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try rows.next() {
                    // A row a newer synq wrote with a word this one does not know is skipped, not fatal.
                    if let event = try? JournalEvent(row: row) { events.append(event) }
                }
                return query.limit == nil ? events : events.reversed()
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Deletes events older than the retention age and beyond its count, in slices so a
    /// reader or another writer is never held for long. Returns how many went.
    func prune(_ retention: JournalRetention, now: Date) async throws(JournalError) -> Int {
        let cutoff = now.addingTimeInterval(-retention.maxAge).timeIntervalSince1970
        let keep = retention.maxEvents
        var deleted = 0
        do {
            while true {
                let count = try await pool.write { db -> Int in
                    try db.execute(sql: """
                        DELETE FROM event WHERE seq IN (
                          SELECT seq FROM event
                          WHERE observed_at < ?
                             OR seq <= COALESCE((SELECT seq FROM event ORDER BY seq DESC LIMIT 1 OFFSET ?), -1)
                          ORDER BY seq LIMIT 50000)
                        """, arguments: [cutoff, keep])
                    return db.changesCount
                }
                deleted += count
                if count < 50_000 { return deleted }
            }
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// The SELECT for a query, oldest first (or newest first when limited, reversed by the caller).
    static func select(_ query: EventQuery) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since = query.since {
            clauses.append("observed_at >= ?")
            arguments += [since.timeIntervalSince1970]
        }
        if let profile = query.profile {
            clauses.append("profile = ?")
            arguments += [profile]
        }
        if !query.resources.isEmpty {
            let names = query.resources.map(\.rawValue).sorted()
            clauses.append("resource IN (\(names.map { _ in "?" }.joined(separator: ", ")))")
            for name in names { arguments += [name] }
        }
        if let itemID = query.itemID {
            clauses.append("item_id = ?")
            arguments += [itemID]
        }
        if let through = query.throughSequence {
            clauses.append("seq <= ?")
            arguments += [through]
        }
        var sql = "SELECT * FROM event"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        if let limit = query.limit {
            sql += " ORDER BY seq DESC LIMIT \(max(0, limit))"
        } else {
            sql += " ORDER BY seq"
        }
        return (sql, arguments)
    }

    /// SQLite's answer as one of the journal's own errors.
    static func classify(_ error: any Error, path: String) -> JournalError {
        if let journal = error as? JournalError { return journal }
        if let database = error as? DatabaseError {
            switch database.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path)
            case .SQLITE_READONLY: return .readOnly(path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path)
            default: return .unusable(path, reason: database.message ?? "\(database.resultCode)")
            }
        }
        return .unusable(path, reason: String(describing: error))
    }
}
