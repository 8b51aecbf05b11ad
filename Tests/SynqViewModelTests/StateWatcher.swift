import Testing
@testable import SynqViewModel

/// Reads a store's published states until one matches, so tests wait for results
/// without sleeping. Each test's time limit guards against a condition that never holds.
struct StateWatcher {
    private var iterator: AsyncStream<AppState>.Iterator
    private(set) var last: AppState?

    init(_ states: AsyncStream<AppState>) { iterator = states.makeAsyncIterator() }

    @discardableResult
    mutating func until(_ what: Comment, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (AppState) -> Bool) async -> AppState? {
        if let last, condition(last) { return last }
        while let state = await iterator.next() {
            last = state
            if condition(state) { return state }
        }
        Issue.record("states ended before: \(what)", sourceLocation: sourceLocation)
        return nil
    }

    /// Waits for the end of the stream (after quit).
    mutating func finish() async {
        while let state = await iterator.next() { last = state }
    }
}

/// Runs `body` while `store` runs, with a watcher on its states; then shuts the store down
/// and waits for its run loop to finish, so no test leaves a store running.
func whileRunning<C: Clock>(_ store: Store<C>, _ body: (inout StateWatcher) async throws -> Void) async rethrows where C.Duration == Duration {
    var watcher = StateWatcher(store.states)
    let runner = Task { await store.run() }
    do {
        try await body(&watcher)
    } catch {
        store.shutdown()
        await runner.value
        throw error
    }
    store.shutdown()
    await runner.value
}
