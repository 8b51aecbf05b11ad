import Foundation
import GRDB
import SynqAPI
import SynqTestSupport
import Testing
@testable import SynqJournal

@Suite struct JournalFileTests {
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    private func sample(_ id: String = "a", at seconds: TimeInterval = 0) -> JournalEvent {
        JournalEvent(observedAt: Date(timeIntervalSince1970: 1_800_000_000 + seconds), profile: "work", resource: .synchronizer,
                     itemID: id, name: "alpha", kind: .disabled, oldValue: "enabled", newValue: "disabled", origin: .observed)
    }

    /// Runs a journal over `location`, feeds it two polls (a baseline and one change) and
    /// returns what its subscriber saw.
    private func runTwoPolls(_ location: JournalLocation) async -> [JournalUpdate] {
        let journal = Journal(location: location)
        let updates = await journal.updates()
        let running = Task { await journal.run() }
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        journal.record(Observation(profile: "work", at: at, .synchronizers(SynchronizerList(synchronizers: [Synchronizer(id: "a", key: "k", name: "alpha", isEnabled: true)]))))
        journal.record(Observation(profile: "work", at: at + 5, .synchronizers(SynchronizerList(synchronizers: [Synchronizer(id: "a", key: "k", name: "alpha", isEnabled: false)]))))
        journal.finish()
        await running.value
        var seen: [JournalUpdate] = []
        for await update in updates { seen.append(update) }
        return seen
    }

    @Test func theLocationFollowsXDGStateHome() {
        #expect(JournalLocation(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "/srv/state"]).file == "/srv/state/synq/journal.sqlite")
        #expect(JournalLocation(environment: ["HOME": "/home/u"]).file == "/home/u/.local/state/synq/journal.sqlite")
        // A relative XDG_STATE_HOME is invalid by the spec and ignored.
        #expect(JournalLocation(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "state"]).file == "/home/u/.local/state/synq/journal.sqlite")
    }

    @Test func folderIs0700AndEveryFileIs0600() async throws {
        let temporary = try TemporaryDirectory()
        let location = JournalLocation(directory: temporary.path("state/synq"))
        let updates = await runTwoPolls(location)
        #expect(updates.contains(.opened))
        #expect(!updates.contains { if case .problem(.some) = $0 { true } else { false } })
        #expect(try mode(location.directory) == 0o700)
        #expect(try mode(temporary.path("state")) == 0o700)
        #expect(try mode(location.file) == 0o600)
        // While a reader holds the file, WAL companions exist: they are private too.
        let journal = Journal(location: location)
        let running = Task { await journal.run() }
        _ = try await journal.events(EventQuery())
        for companion in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: location.file + companion) {
            #expect(try mode(location.file + companion) == 0o600)
        }
        journal.finish()
        await running.value
    }

    @Test func wideModesLeftByHandAreNarrowed() async throws {
        let temporary = try TemporaryDirectory()
        let location = JournalLocation(directory: temporary.path("synq"))
        try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        _ = FileManager.default.createFile(atPath: location.file, contents: nil, attributes: [.posixPermissions: 0o644])
        _ = FileManager.default.createFile(atPath: location.file + "-wal", contents: nil, attributes: [.posixPermissions: 0o666])
        let journal = Journal(location: location)
        let updates = await journal.updates()
        let running = Task { await journal.run() }
        _ = await updates.first { $0 == .opened }
        #expect(try mode(location.directory) == 0o700)
        #expect(try mode(location.file) == 0o600)
        #expect(try mode(location.file + "-wal") == 0o600)
        journal.finish()
        await running.value
    }

    @Test func eventsAreWrittenAndReadBack() async throws {
        let temporary = try TemporaryDirectory()
        let location = JournalLocation(directory: temporary.path("synq"))
        let updates = await runTwoPolls(location)
        let recorded = updates.compactMap { if case .recorded(let events) = $0 { events } else { nil } }
        #expect(recorded.count == 1)
        let journal = Journal(location: location)
        let running = Task { await journal.run() }
        _ = await journal.updates().first { $0 == .opened }
        let stored = try await journal.events(EventQuery())
        #expect(stored == recorded.first)
        #expect(try await journal.events(EventQuery(itemID: "b")).isEmpty)
        #expect(try await journal.events(EventQuery(resources: [.synvoKey])).isEmpty)
        journal.finish()
        await running.value
    }

    @Test func aDamagedFileIsOneProblemAndEventsStillFlow() async throws {
        let temporary = try TemporaryDirectory()
        let location = JournalLocation(directory: temporary.path("synq"))
        try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: location.file))
        let updates = await runTwoPolls(location)
        #expect(updates.contains(.problem(.notADatabase(location.file))))
        #expect(updates.contains { if case .recorded(let events) = $0 { events.count == 1 } else { false } })
        // The damaged file is left for the user to look at.
        #expect(try Data(contentsOf: URL(fileURLWithPath: location.file)) == garbage)
        #expect(JournalError.notADatabase(location.file).description.split(separator: "\n").count == 1)
    }

    @Test func aLockedFileIsOneProblemAndEventsStillFlow() async throws {
        let temporary = try TemporaryDirectory()
        let location = JournalLocation(directory: temporary.path("synq"))
        try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true)
        // Another program holds an exclusive lock on a (rollback-journal) database there.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: location.file, configuration: configuration)
        try other.inDatabase { db in
            try db.execute(sql: "CREATE TABLE mine (x)")
            try db.execute(sql: "BEGIN EXCLUSIVE")
        }
        let updates = await runTwoPolls(location)
        #expect(updates.contains(.problem(.locked(location.file))))
        #expect(updates.contains { if case .recorded(let events) = $0 { events.count == 1 } else { false } })
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
    }

    @Test func aSymlinkIsNotFollowed() async throws {
        let temporary = try TemporaryDirectory()
        let location = JournalLocation(directory: temporary.path("synq"))
        try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true)
        let target = temporary.path("elsewhere")
        _ = FileManager.default.createFile(atPath: target, contents: Data("keep".utf8))
        try FileManager.default.createSymbolicLink(atPath: location.file, withDestinationPath: target)
        let updates = await runTwoPolls(location)
        #expect(updates.contains(.problem(.notAFile(location.file))))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
    }

    @Test func aReadOnlyJournalIsOneProblemStaysReadOnlyAndEventsStillFlow() async throws {
        let temporary = try TemporaryDirectory()
        let location = JournalLocation(directory: temporary.path("synq"))
        _ = await runTwoPolls(location)
        let before = try Data(contentsOf: URL(fileURLWithPath: location.file))
        // Read-only for everyone: group and others lose their bit, the owner gains none.
        #expect(chmod(location.file, 0o444) == 0)
        let updates = await runTwoPolls(location)
        #expect(updates.contains(.problem(.readOnly(location.file))))
        #expect(updates.contains { if case .recorded(let events) = $0 { events.count == 1 } else { false } })
        #expect(try mode(location.file) == 0o400)
        #expect(try Data(contentsOf: URL(fileURLWithPath: location.file)) == before)
        #expect(JournalError.readOnly(location.file).description.split(separator: "\n").count == 1)
    }

    @Test func aSymlinkPlantedForTheFolderOrACompanionIsNotFollowed() async throws {
        let temporary = try TemporaryDirectory()
        let elsewhere = temporary.path("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let folderLink = JournalLocation(directory: temporary.path("linked/synq"))
        try FileManager.default.createDirectory(atPath: temporary.path("linked"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folderLink.directory, withDestinationPath: elsewhere)
        let updates = await runTwoPolls(folderLink)
        #expect(updates.contains { if case .problem(.cannotCreateFolder(folderLink.directory, _)?) = $0 { true } else { false } })
        #expect(updates.contains { if case .recorded(let events) = $0 { events.count == 1 } else { false } })
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)

        let companionLink = JournalLocation(directory: temporary.path("synq"))
        try FileManager.default.createDirectory(atPath: companionLink.directory, withIntermediateDirectories: true)
        let target = temporary.path("target")
        _ = FileManager.default.createFile(atPath: target, contents: Data("keep".utf8))
        try FileManager.default.createSymbolicLink(atPath: companionLink.file + "-wal", withDestinationPath: target)
        #expect(await runTwoPolls(companionLink).contains(.problem(.notAFile(companionLink.file + "-wal"))))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
    }

    /// The start-up race: a subscriber that loads its first rows when it sees `.opened`
    /// (the TUI's Events pane) also gets this run's events as `.recorded`; an event written
    /// before that read must not come back in it too, or it is shown twice.
    @Test func historyAtOpeningLeavesOutWhatThisRunJournals() async throws {
        let temporary = try TemporaryDirectory()
        let location = JournalLocation(directory: temporary.path("synq"))
        _ = await runTwoPolls(location)  // an earlier run left one event, for "a"
        let journal = Journal(location: location)
        let updates = await journal.updates()
        let at = Date(timeIntervalSince1970: 1_800_000_100)
        func poll(_ enabled: Bool) -> Observation.Content {
            .synchronizers(SynchronizerList(synchronizers: [Synchronizer(id: "b", key: "k", name: "beta", isEnabled: enabled)]))
        }
        // This run's first two polls arrive while the file is still opening.
        journal.record(Observation(profile: "work", at: at, poll(true)))
        journal.record(Observation(profile: "work", at: at + 5, poll(false)))
        let running = Task { await journal.run() }
        var history: [JournalEvent] = []
        var recorded: [JournalEvent] = []
        for await update in updates {
            switch update {
            case .opened:
                // Make the race certain: the change is written before the history is read.
                await journal.flush()
                history = try await journal.history(EventQuery(profile: "work"))
                journal.finish()
            case .recorded(let events):
                recorded += events
            case .problem:
                break
            }
        }
        await running.value
        #expect(history.map(\.itemID) == ["a"])
        #expect(recorded.map(\.itemID) == ["b"])
        #expect(try await JournalReader.events(EventQuery(), at: location).map(\.itemID) == ["a", "b"])
    }

    @Test func retentionParsesAgesAndCounts() throws {
        #expect(try JournalRetention(parsing: "30d") == JournalRetention(maxAge: 30 * 86_400, maxEvents: 1_000_000))
        #expect(try JournalRetention(parsing: "500k") == JournalRetention(maxAge: 90 * 86_400, maxEvents: 500_000))
        #expect(try JournalRetention(parsing: "12h,2M") == JournalRetention(maxAge: 12 * 3600, maxEvents: 2_000_000))
        #expect(try JournalRetention(parsing: "1000") == JournalRetention(maxAge: 90 * 86_400, maxEvents: 1000))
        for bad in ["", "d", "-3d", "1.5", "3x", "1d,2d,3d", "nan", "inf"] {
            #expect(throws: JournalError.badRetention(bad)) { try JournalRetention(parsing: bad) }
        }
    }

    @Test func pruningKeepsTheNewestWithinAgeAndCount() async throws {
        let temporary = try TemporaryDirectory()
        let database = try JournalDatabase.open(JournalLocation(directory: temporary.path("synq")))
        try await database.append((0..<100).map { sample("item-\($0)", at: TimeInterval($0) * 3600) })
        let now = Date(timeIntervalSince1970: 1_800_000_000 + 99 * 3600)
        // Older than two days: items 0…50 go (item 51 is exactly 48 h old and stays).
        #expect(try await database.prune(JournalRetention(maxAge: 48 * 3600, maxEvents: 1000), now: now) == 51)
        #expect(try await database.prune(JournalRetention(maxAge: 48 * 3600, maxEvents: 10), now: now) == 39)
        let left = try await database.events(EventQuery())
        #expect(left.map(\.itemID) == (90..<100).map { "item-\($0)" })
        #expect(try await database.events(EventQuery(limit: 3)).map(\.itemID) == ["item-97", "item-98", "item-99"])
    }
}
