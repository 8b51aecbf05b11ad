import Foundation
import SynqAPI
import SynqJournal
import SynqSandbox
import SynqTestSupport
import Testing
@testable import SynqViewModel

/// The store hands every successful poll and action to the journal: a toggle made in synq is
/// journalled with origin `synq` (once, not again when the next poll confirms it); a change
/// made behind synq's back, through the sandbox's control routes, with origin `observed`.
@Suite(.timeLimit(.minutes(1)))
struct JournalTapTests {
    @Test func ownTogglesAreSynqsAndOutsideChangesAreObserved() async throws {
        try await withSandbox(.forTesting(fleetSize: 6)) { sandbox in
            let folder = try TemporaryDirectory()
            let journal = Journal(location: JournalLocation(directory: folder.path("synq")))
            let journalRun = Task { await journal.run() }
            let clock = TestClock()
            let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: try sandbox.enterprise(), synvo: nil,
                              journal: JournalTap(journal: journal, profile: "work"), clock: clock, startDate: t0)
            try await whileRunning(store) { (watcher: inout StateWatcher) in
                let loaded = await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 }
                let selected = try #require(loaded?.synchronizers.selected)
                store.send(.command(.toggleSelected))
                if selected.isEnabled == true { store.send(.command(.confirm)) }
                await watcher.until("toggled") { $0.synchronizers.row(id: selected.id)?.isEnabled == (selected.isEnabled != true) && $0.pendingToggles.isEmpty }
                // The next poll confirms the toggle: no second event.
                clock.advance(by: .seconds(5))
                await watcher.until("second poll") { $0.synchronizersResource.loadedAt == at(5) }
                await journal.flush()
                var events = try await journal.events(EventQuery())
                #expect(events.count == 1)
                #expect(events.first?.origin == .synq)
                #expect(events.first?.itemID == selected.id)
                #expect(events.first?.kind == (selected.isEnabled == true ? .disabled : .enabled))
                #expect(events.first?.profile == "work")

                // Someone else renames it.
                let answer = try await sandbox.raw("PUT", "/__sandbox/synchronizers/\(selected.id)", headers: ["Content-Type": "application/json"],
                                                   body: #"{"name": "renamed-elsewhere"}"#)
                #expect(answer.status == 200)
                clock.advance(by: .seconds(5))
                await watcher.until("third poll") { $0.synchronizersResource.loadedAt == at(10) }
                await journal.flush()
                events = try await journal.events(EventQuery())
                #expect(events.count == 2)
                #expect(events.last?.origin == .observed)
                #expect(events.last?.kind == .renamed)
                #expect(events.last?.newValue == "renamed-elsewhere")
                #expect(events.last?.observedAt == at(10))
                store.send(.command(.quit))
            }
            journal.finish()
            await journalRun.value
        }
    }

    @Test func aHeadlessStorePollsEveryResourceItWasGivenWhateverThePane() async throws {
        let clock = TestClock()
        try await withSandbox(StoreTests.synvoBudget(1000, window: 60, clock: clock)) { sandbox in
            try await sandbox.countRequests(on: StoreTests.keys)
            try await sandbox.countRequests(on: StoreTests.list)
            let settings = ViewModelSettings(refreshInterval: 5, polledResources: [.keys])
            let store = Store(settings: settings, enterprise: try sandbox.enterprise(), synvo: try sandbox.synvo(), clock: clock, startDate: t0)
            await whileRunning(store) { (watcher: inout StateWatcher) in
                await watcher.until("keys loaded") { $0.keysResource.loadedAt == t0 }
                #expect(watcher.last?.pane == .synchronizers)
                clock.advance(by: .seconds(5))
                await watcher.until("keys polled again") { $0.keysResource.loadedAt == at(5) }
                #expect(await sandbox.countedRequests(on: StoreTests.list) == 0, "the synchronizers were not asked for")
                store.send(.command(.quit))
            }
        }
    }
}
