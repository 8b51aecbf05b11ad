import Foundation
import Synchronization
import Testing
@testable import SynqViewModel

/// Reads a store's published states until one matches, so tests wait for results without
/// sleeping. Every wait has its own deadline, which fails the test with what it waited for
/// and the last state seen: a condition that never holds is a failure, never a hang.
///
/// A child task drains the stream into a buffer (an `AsyncStream` iterator cannot be raced
/// against a clock), and the waits read the buffer in order.
struct StateWatcher {
    static let deadline: Duration = .seconds(20)

    private let inbox: Inbox
    private var pending: [AppState] = []
    private(set) var last: AppState?

    init(_ states: AsyncStream<AppState>) { inbox = Inbox(states) }

    /// The first state (the last one seen included) for which `condition` holds, or nil
    /// with an issue recorded when the stream ends or `timeout` passes first.
    @discardableResult
    mutating func until(_ what: Comment, timeout: Duration = StateWatcher.deadline, sourceLocation: SourceLocation = #_sourceLocation,
                        _ condition: (AppState) -> Bool) async -> AppState? {
        if let last, condition(last) { return last }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            while !pending.isEmpty {
                let state = pending.removeFirst()
                last = state
                if condition(state) { return state }
            }
            let (states, ended) = inbox.take()
            pending = states
            if pending.isEmpty {
                if ended {
                    Issue.record("states ended before: \(what)", sourceLocation: sourceLocation)
                    return nil
                }
                if clock.now >= deadline {
                    Issue.record("no state within \(timeout) for: \(what); last state: \(last.map { String(describing: $0) } ?? "none")",
                                 sourceLocation: sourceLocation)
                    return nil
                }
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
    }

    /// Waits for the end of the stream (after quit), within `timeout`.
    mutating func finish(timeout: Duration = StateWatcher.deadline, sourceLocation: SourceLocation = #_sourceLocation) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let (states, ended) = inbox.take()
            pending += states
            if let newest = pending.last { last = newest }
            pending.removeAll()
            if ended { return }
            if clock.now >= deadline {
                Issue.record("the store's states did not end within \(timeout)", sourceLocation: sourceLocation)
                return
            }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// The states received and not yet read, and whether the stream has ended.
    final class Inbox: Sendable {
        private let buffer: Buffer
        private let reader: Task<Void, Never>

        final class Buffer: Sendable {
            let contents = Mutex<(states: [AppState], ended: Bool)>(([], false))
        }

        init(_ states: AsyncStream<AppState>) {
            let buffer = Buffer()
            self.buffer = buffer
            reader = Task {
                for await state in states { buffer.contents.withLock { $0.states.append(state) } }
                buffer.contents.withLock { $0.ended = true }
            }
        }

        deinit { reader.cancel() }

        func take() -> (states: [AppState], ended: Bool) {
            buffer.contents.withLock { contents in
                defer { contents.states.removeAll() }
                return contents
            }
        }
    }
}

/// Awaits a store's run loop within `timeout`; a loop that does not end fails the test
/// (and is cancelled) instead of hanging it.
func finished(_ runner: Task<Void, Never>, _ what: Comment = "the store's run loop ends", timeout: Duration = StateWatcher.deadline,
              sourceLocation: SourceLocation = #_sourceLocation) async {
    let ended = await withTaskGroup(of: Bool.self) { group in
        group.addTask { await runner.value; return true }
        group.addTask { try? await Task.sleep(for: timeout); return false }
        let first = await group.next() ?? false
        if !first { runner.cancel() }
        group.cancelAll()
        return first
    }
    if !ended { Issue.record("timed out after \(timeout): \(what)", sourceLocation: sourceLocation) }
}

/// Runs `body` while `store` runs, with a watcher on its states; then shuts the store down
/// and waits (bounded) for its run loop to finish, so no test leaves a store running.
func whileRunning<C: Clock>(_ store: Store<C>, _ body: (inout StateWatcher) async throws -> Void) async rethrows where C.Duration == Duration {
    var watcher = StateWatcher(store.states)
    let runner = Task { await store.run() }
    do {
        try await body(&watcher)
    } catch {
        store.shutdown()
        await finished(runner)
        throw error
    }
    store.shutdown()
    await finished(runner)
}

@Suite struct StateWatcherTests {
    @Test func aConditionThatNeverHoldsFailsAtItsDeadlineInsteadOfHanging() async {
        let (states, continuation) = AsyncStream.makeStream(of: AppState.self)
        var watcher = StateWatcher(states)
        let started = ContinuousClock.now
        await withKnownIssue("the wait records that no state matched") {
            await watcher.until("a state that never comes", timeout: .milliseconds(200)) { _ in false }
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        continuation.finish()
    }

    @Test func aRunLoopThatDoesNotEndFailsAtItsDeadline() async {
        let runner = Task<Void, Never> { try? await Task.sleep(for: .seconds(600)) }
        let started = ContinuousClock.now
        await withKnownIssue("the wait records that the loop did not end") {
            await finished(runner, timeout: .milliseconds(200))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(runner.isCancelled)
    }
}
