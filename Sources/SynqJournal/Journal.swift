import Foundation

/// The journal: takes observations from whatever polls, turns them into events, writes each
/// poll's events in one transaction and tells subscribers. Pollers call `record` and never
/// wait: observations queue up and `run()` works through them on its own task, so a slow
/// disk or a locked file never stalls a screen.
///
/// Without a usable file (none asked for, damaged, locked) it keeps working in memory:
/// events still reach subscribers, and the problem is reported once as an update.
public actor Journal {
    public nonisolated let location: JournalLocation?
    public nonisolated let retention: JournalRetention

    private var database: JournalDatabase?
    private var tracker = ChangeTracker()
    private var problem: JournalError?
    private var isOpen = false
    /// Events a failed write left behind; written with the next batch (bounded).
    private var unwritten: [JournalEvent] = []
    private var lastPrune: Date?
    /// The file's last row when it opened: `history` reads up to here, and everything
    /// after it reaches subscribers as `.recorded`.
    private var openedThrough: Int64 = 0
    private var subscribers: [Int: AsyncStream<JournalUpdate>.Continuation] = [:]
    private var nextSubscriber = 0
    private nonisolated let inbox: AsyncStream<Work>
    private nonisolated let inboxContinuation: AsyncStream<Work>.Continuation

    /// An item of the inbox: an observation, or a caller waiting for everything before it.
    private enum Work: Sendable {
        case observe(Observation)
        case flush(CheckedContinuation<Void, Never>)
    }
    private let now: @Sendable () -> Date

    /// Events kept for a retry while the file is locked or failing.
    public static let unwrittenLimit = 100_000
    /// How often old events are pruned.
    public static let pruneInterval: TimeInterval = 300

    /// - Parameter location: where the file is; nil keeps no history (events still flow).
    public init(location: JournalLocation?, retention: JournalRetention = .standard, now: @escaping @Sendable () -> Date = Date.init) {
        self.location = location
        self.retention = retention
        self.now = now
        (inbox, inboxContinuation) = AsyncStream.makeStream(of: Work.self, bufferingPolicy: .unbounded)
    }

    /// Queues an observation. Safe from any thread; returns at once.
    public nonisolated func record(_ observation: Observation) {
        inboxContinuation.yield(.observe(observation))
    }

    /// Returns once every observation recorded before it is journalled (written, or given
    /// up on); at once when `run()` has finished.
    public nonisolated func flush() async {
        await withCheckedContinuation { continuation in
            if case .terminated = inboxContinuation.yield(.flush(continuation)) { continuation.resume() }
        }
    }

    /// Stops `run()` once every queued observation is journalled.
    public nonisolated func finish() {
        inboxContinuation.finish()
    }

    /// Opens the file, then journals observations until `finish()`. Call once.
    public func run() async {
        await openDatabase()
        for await work in inbox {
            guard case .observe(let observation) = work else {
                if case .flush(let waiter) = work { waiter.resume() }
                continue
            }
            let events = tracker.observe(observation)
            if !events.isEmpty {
                broadcast(.recorded(events))
                await write(events)
            }
            await pruneIfDue()
        }
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// A stream of updates from now on; it starts with `.opened` and the current problem
    /// when the file is already open, and ends when `run()` does.
    public func updates() -> AsyncStream<JournalUpdate> {
        let (stream, continuation) = AsyncStream.makeStream(of: JournalUpdate.self, bufferingPolicy: .unbounded)
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        if isOpen {
            continuation.yield(.opened)
            if let problem { continuation.yield(.problem(problem)) }
        }
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    /// Reads history; empty when there is no usable file.
    public func events(_ query: EventQuery) async throws(JournalError) -> [JournalEvent] {
        guard let database else { return [] }
        return try await database.events(query)
    }

    /// What the file held when it opened (for a subscriber's first rows, once it saw
    /// `.opened`). Events this run journals are left out even once written: the subscriber
    /// gets them as `.recorded`, and reading them here too would show them twice.
    public func history(_ query: EventQuery) async throws(JournalError) -> [JournalEvent] {
        var bounded = query
        bounded.throughSequence = openedThrough
        return try await events(bounded)
    }

    /// The current problem, if history cannot be kept.
    public var currentProblem: JournalError? { problem }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    private func broadcast(_ update: JournalUpdate) {
        for continuation in subscribers.values { continuation.yield(update) }
    }

    private func report(_ newProblem: JournalError?) {
        guard newProblem != problem else { return }
        problem = newProblem
        broadcast(.problem(newProblem))
    }

    private func openDatabase() async {
        defer {
            isOpen = true
            broadcast(.opened)
            if let problem { broadcast(.problem(problem)) }
        }
        guard let location else { return }
        // Opening waits for a lock at most `busyTimeout`; off the actor's callers either way.
        let opened = await Task.detached { () -> Result<JournalDatabase, JournalError> in
            do throws(JournalError) { return .success(try JournalDatabase.open(location)) } catch { return .failure(error) }
        }.value
        switch opened {
        case .success(let database):
            do throws(JournalError) {
                openedThrough = try await database.lastSequence()
                self.database = database
            } catch {
                problem = error
            }
        case .failure(let error): problem = error
        }
    }

    private func write(_ events: [JournalEvent]) async {
        guard let database else { return }
        var batch = unwritten
        batch += events
        do {
            try await database.append(batch)
            unwritten = []
            report(nil)
        } catch {
            unwritten = Array(batch.suffix(Self.unwrittenLimit))
            report(error)
        }
    }

    private func pruneIfDue() async {
        guard let database else { return }
        let now = now()
        if let lastPrune, now.timeIntervalSince(lastPrune) < Self.pruneInterval { return }
        lastPrune = now
        _ = try? await database.prune(retention, now: now)
    }
}
