import Foundation
import SynqAPI
import SynqJournal
import SynqSandbox
import SynqTestSupport
import Testing
@testable import SynqViewModel

/// Profiles that all reach one sandbox: what differs between them here is only the name the
/// journal records under (the live switcher reads the config folder instead).
struct SandboxFleetSwitcher: FleetSwitcher {
    let sandbox: RunningSandbox
    let profileNames: [String]

    func connect(profile: String) async throws(FleetSwitchError) -> FleetConnection {
        do {
            return FleetConnection(enterprise: try sandbox.enterprise(), synvo: nil, credentials: nil,
                                   fleet: FleetIdentity(profile: profile, enterpriseURL: sandbox.enterpriseURL.absoluteString,
                                                        synvoURL: sandbox.synvoURL.absoluteString))
        } catch {
            throw FleetSwitchError("\(error)")
        }
    }
}

/// `P` in a running store: the journal follows the profile (what changes after the switch
/// is recorded under the new one), the Events pane shows the new profile's history, and
/// every resource with a key is fetched again at once.
@Suite(.timeLimit(.minutes(1)))
struct ProfileSwitchStoreTests {
    /// Renames a synchronizer behind synq's back, through the sandbox's control route.
    static func rename(_ id: String, to name: String, in sandbox: RunningSandbox) async throws {
        let answer = try await sandbox.raw("PUT", "/__sandbox/synchronizers/\(id)", headers: ["Content-Type": "application/json"],
                                           body: #"{"name": "\#(name)"}"#)
        #expect(answer.status == 200)
    }

    /// The store's state once it is on `profile`, settled, with the synchronizers loaded at
    /// `loadedAt` (any time when nil) and at least `events` rows in the Events pane; read from
    /// the actor within 20 s. (Written out, not as a closure over the state: see the report.)
    static func settled(_ store: Store<TestClock>, on profile: String, loadedAt: Date? = nil, events: Int = 0,
                        sourceLocation: SourceLocation = #_sourceLocation) async -> AppState {
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        var state = await store.state
        while ContinuousClock.now < deadline {
            let loaded = state.synchronizersResource.loadedAt
            if state.fleet.profile == profile, state.switchingTo == nil, loaded != nil, loadedAt == nil || loaded == loadedAt,
               state.events.all.count >= events {
                return state
            }
            try? await Task.sleep(for: .milliseconds(5))
            state = await store.state
        }
        Issue.record("not settled on \(profile) within 20 s: \(state.fleet.profile ?? "-"), \(state.synchronizersResource)", sourceLocation: sourceLocation)
        return state
    }

    @Test func theJournalFollowsTheProfileAndThePaneShowsItsHistory() async throws {
        try await withSandbox(.forTesting(fleetSize: 6)) { sandbox in
            let folder = try TemporaryDirectory()
            let journal = Journal(location: JournalLocation(directory: folder.path("synq")))
            let journalRun = Task { await journal.run() }
            // What the TUI's JournalFeed does: the journal's updates reach the store as actions.
            let updates = await journal.updates()
            let clock = TestClock()
            let switcher = SandboxFleetSwitcher(sandbox: sandbox, profileNames: ["prod", "staging"])
            let staging = try await switcher.connect(profile: "staging")
            let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: staging.enterprise, synvo: nil,
                              journal: JournalTap(journal: journal, profile: "staging"), fleet: staging.fleet,
                              switcher: switcher, clock: clock, startDate: t0)
            let feed = Task { for await update in updates { store.send(.journal(update)) } }
            defer { feed.cancel() }
            try await whileRunning(store) { (watcher: inout StateWatcher) in
                let loaded = try #require(await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 })
                let rows = Array(loaded.synchronizers.all)
                try #require(rows.count >= 2)
                // A change seen on staging is journalled under staging.
                try await Self.rename(rows[0].id, to: "renamed-on-staging", in: sandbox)
                clock.advance(by: .seconds(5))
                await watcher.until("staging's second poll") { $0.synchronizersResource.loadedAt == at(5) }
                await journal.flush()
                await watcher.until("the rename in the Events pane") { $0.events.all.count == 1 }

                // P, up to prod, Enter.
                store.send(.key(.character("P")))
                store.send(.key(.character("k")))
                store.send(.key(.enter))
                let switched = await Self.settled(store, on: "prod")
                #expect(await store.journalProfile == "prod")
                #expect(switched.journal.profile == "prod")
                #expect(switched.events.all.isEmpty == true, "prod has no history: staging's rename is not shown")
                #expect(switched.synchronizersResource.loadedAt == at(5), "fetched at once, not at the next tick")

                // A change seen now is prod's.
                try await Self.rename(rows[1].id, to: "renamed-on-prod", in: sandbox)
                clock.advance(by: .seconds(5))
                _ = await Self.settled(store, on: "prod", loadedAt: at(10))
                await journal.flush()
                let onProd = await Self.settled(store, on: "prod", events: 1)
                #expect(onProd.events.all.map(\.event.newValue) == ["renamed-on-prod"])
                let prodEvents = try await journal.events(EventQuery(profile: "prod"))
                #expect(prodEvents.map(\.newValue) == ["renamed-on-prod"], "journalled under the new profile")
                let stagingEvents = try await journal.events(EventQuery(profile: "staging"))
                #expect(stagingEvents.map(\.newValue) == ["renamed-on-staging"], "nothing of prod under staging")

                // Back to staging: its history fills the Events pane again.
                store.send(.key(.character("P")))
                store.send(.key(.character("j")))
                store.send(.key(.enter))
                let back = await Self.settled(store, on: "staging", events: 1)
                // Its history is back; its own re-poll may add the rename made while on prod
                // (both profiles reach this one sandbox), under staging.
                #expect(back.events.all.contains { $0.event.newValue == "renamed-on-staging" && $0.event.profile == "staging" })
                #expect(back.events.all.allSatisfy { $0.event.profile == "staging" })
                store.send(.command(.quit))
            }
            journal.finish()
            await journalRun.value
        }
    }
}
