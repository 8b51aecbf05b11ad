import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing
@testable import SynqViewModel

/// The store against a real in-process sandbox, through the live clients over loopback HTTP.
/// The poll schedule runs on a `TestClock`; requests are real, so every wait is for a state
/// (or a server-side count) with the suite's time limit, never a fixed sleep. Requests that
/// reached the server are counted with no-op fault rules (`countRequests(on:)`), faults stand
/// in for a slow or failing server, and the sandbox's own limiter gives the 429s.
@Suite(.timeLimit(.minutes(1)))
struct StoreTests {
    static let list = "GET /api/synq-keys/enterprise/synchronizers"
    static let create = "POST /api/synq-keys/enterprise/synchronizer"
    static let toggle = "PUT /api/synq-keys/enterprise/synchronizer/:id/toggle"
    static let keys = "GET /user/api_keys/list"
    static let keyCreate = "POST /user/api_keys/create"

    /// A sandbox with a three-synchronizer fleet.
    static func smallFleet() -> SandboxConfiguration { .forTesting(fleetSize: 3) }

    /// A sandbox whose clock is the test's (from `t0`), so Synvo rate-limit windows and resets
    /// are exact dates on the store's timeline. `t0` is a multiple of `window`, so the first
    /// window resets at `t0 + window`.
    static func synvoBudget(_ limit: Int, window seconds: Int, clock: TestClock) -> SandboxConfiguration {
        var configuration = SandboxConfiguration.forTesting()
        configuration.rateLimit = limit
        configuration.rateWindow = .seconds(seconds)
        configuration.now = { t0.addingTimeInterval(clock.now.offset.timeInterval) }
        return configuration
    }

    @Test func pollsTheVisiblePaneOnTheClock() async throws {
        try await withSandbox(Self.smallFleet()) { sandbox in
            try await sandbox.countRequests(on: Self.list)
            let clock = TestClock()
            let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: try sandbox.enterprise(), synvo: nil, clock: clock, startDate: t0)
            var watcher = StateWatcher(store.states)
            let runner = Task { await store.run() }

            await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 && $0.preferences != nil }
            #expect(await sandbox.countedRequests(on: Self.list) == 1)
            #expect(watcher.last?.synchronizers.rows.count == 3)

            clock.advance(by: .seconds(4))
            // Nothing is due, so no timer fires: tick by hand to see that no poll is sent.
            store.send(.tick(store.now()))
            await watcher.until("tick at 4 s") { $0.now == at(4) }
            #expect(watcher.last?.synchronizersResource.inFlight == false, "not due before the interval")
            #expect(await sandbox.countedRequests(on: Self.list) == 1, "not due before the interval")

            clock.advance(by: .seconds(1))
            await watcher.until("second poll") { $0.synchronizersResource.loadedAt == at(5) }
            #expect(await sandbox.countedRequests(on: Self.list) == 2)

            clock.advance(by: .seconds(5))
            await watcher.until("third poll") { $0.synchronizersResource.loadedAt == at(10) }
            #expect(await sandbox.countedRequests(on: Self.list) == 3)

            store.send(.key(.character("q")))
            await watcher.finish()
            await finished(runner)
            #expect(watcher.last?.quitRequested == true)
            #expect(await sandbox.countedRequests(on: Self.list) == 3, "nothing more was sent")
        }
    }

    @Test func aSlowRequestIsNeverOverlapped() async throws {
        try await withSandbox(Self.smallFleet()) { sandbox in
            // The first list request is held (until the faults are cleared); later ones are counted.
            let hold = FaultRule(route: Self.list, kind: .latency, latencyMs: 600_000, count: 1)
            try await sandbox.inject(hold)
            try await sandbox.countRequests(on: Self.list)
            let clock = TestClock()
            let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: try sandbox.enterprise(timeout: 30), synvo: nil,
                              clock: clock, startDate: t0)
            try await whileRunning(store) { (watcher: inout StateWatcher) in
                await watcher.until("preferences loaded") { $0.preferences != nil }
                #expect(await eventually { await sandbox.faults.active.contains(hold) == false }, "the first list request is held by the server")
                for step in 1...4 {
                    clock.advance(by: .seconds(30))
                    await watcher.until("tick") { $0.now == at(Double(step) * 30) }
                }
                store.send(.key(.character("r")))
                await watcher.until("refresh refused") { $0.message?.text.hasPrefix("Already refreshing") == true }
                #expect(await sandbox.countedRequests(on: Self.list) == 0, "two minutes of ticks and a refresh sent nothing more")
                #expect(watcher.last?.synchronizersResource.status == .loading)

                // Release the held request (it answers now) and count from here on.
                let cleared = try await sandbox.raw("DELETE", "/__sandbox/faults")
                #expect(cleared.status == 200)
                try await sandbox.countRequests(on: Self.list)
                await watcher.until("answer arrives") { $0.synchronizersResource.loadedAt == at(120) }
                clock.advance(by: .seconds(5))
                await watcher.until("polling resumes") { $0.synchronizersResource.loadedAt == at(125) }
                #expect(await sandbox.countedRequests(on: Self.list) == 1, "the held request, then one poll: two in all")
            }
        }
    }

    @Test func failuresBackOffOnTheClockAndTheDataGoesStale() async throws {
        try await withSandbox(Self.smallFleet()) { sandbox in
            try await sandbox.countRequests(on: Self.list)
            let clock = TestClock()
            let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: try sandbox.enterprise(), synvo: nil, clock: clock, startDate: t0)
            try await whileRunning(store) { (watcher: inout StateWatcher) in
                await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 }
                #expect(await sandbox.countedRequests(on: Self.list) == 1)

                // The next two list requests fail with 503 (the rule spends its count); later ones are counted.
                let failing = FaultRule(route: Self.list, kind: .status, status: 503, count: 2)
                _ = try await sandbox.raw("DELETE", "/__sandbox/faults")
                try await sandbox.inject(failing)
                try await sandbox.countRequests(on: Self.list)
                let failuresLeft = { await sandbox.faults.active.first { $0.kind == .status }?.count ?? 0 }

                clock.advance(by: .seconds(5))
                await watcher.until("first failure") { $0.synchronizersResource.failures == 1 }
                #expect(watcher.last?.synchronizersResource.isStale == true)
                #expect(watcher.last?.synchronizers.rows.count == 3)
                #expect(watcher.last?.synchronizersResource.nextPoll == at(15))

                clock.advance(by: .seconds(9))
                await watcher.until("tick at 14 s") { $0.now == at(14) }
                #expect(watcher.last?.synchronizersResource.inFlight == false, "backing off: no retry before 15 s")
                #expect(await failuresLeft() == 1, "backing off: no retry before 15 s")
                #expect(await sandbox.countedRequests(on: Self.list) == 0)

                clock.advance(by: .seconds(1))
                await watcher.until("second failure") { $0.synchronizersResource.failures == 2 }
                #expect(watcher.last?.synchronizersResource.nextPoll == at(35))
                #expect(await failuresLeft() == 0)

                clock.advance(by: .seconds(20))
                await watcher.until("recovered") { $0.synchronizersResource.loadedAt == at(35) }
                #expect(watcher.last?.synchronizersResource.failure == nil)
                #expect(await sandbox.countedRequests(on: Self.list) == 1, "first load, two failures, one recovery: four in all")
            }
        }
    }

    @Test func theKeysPollStretchesToTheRateLimitBudget() async throws {
        let clock = TestClock()
        // Twelve requests per 1000 s: a tenth of the limit (at least 1) is kept for the user.
        try await withSandbox(Self.synvoBudget(12, window: 1000, clock: clock)) { sandbox in
            try await sandbox.countRequests(on: Self.keys)
            let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: nil, synvo: try sandbox.synvo(), clock: clock, startDate: t0)
            await whileRunning(store) { (watcher: inout StateWatcher) in
                await watcher.until("first load") { $0.keysResource.loadedAt == t0 }
                #expect(watcher.last?.pane == .keys)
                #expect(watcher.last?.rateLimit?.remaining == 11)
                #expect(watcher.last?.rateLimit?.reset == at(1000))
                #expect(watcher.last?.keysResource.nextPoll == at(100), "1000 s / (11 - 1 reserved) = 100 s, not 5 s")

                clock.advance(by: .seconds(99))
                await watcher.until("tick at 99 s") { $0.now == at(99) }
                #expect(watcher.last?.keysResource.inFlight == false)
                #expect(await sandbox.countedRequests(on: Self.keys) == 1)
                clock.advance(by: .seconds(1))
                await watcher.until("second poll") { $0.keysResource.loadedAt == at(100) }
                #expect(await sandbox.countedRequests(on: Self.keys) == 2)
                #expect(watcher.last?.rateLimit?.remaining == 10)
            }
        }
    }

    @Test func a429ShowsACountdownAndWaits() async throws {
        let clock = TestClock()
        // Twelve requests per 100 s window: the store's first load leaves 11, enough for a poll
        // every 10 s (100 s / (11 - 1 reserved)); then another client of the key spends the rest.
        try await withSandbox(Self.synvoBudget(12, window: 100, clock: clock)) { sandbox in
            try await sandbox.countRequests(on: Self.keys)
            let store = Store(enterprise: nil, synvo: try sandbox.synvo(), clock: clock, startDate: t0)
            try await whileRunning(store) { (watcher: inout StateWatcher) in
                await watcher.until("first load") { $0.keysResource.loadedAt == t0 }
                #expect(watcher.last?.rateLimit?.remaining == 11)
                #expect(watcher.last?.keysResource.nextPoll == at(10))

                let elsewhere = try sandbox.synvo()
                var remaining = 11
                while remaining > 0 {
                    remaining = try await elsewhere.listKeys().rateLimit?.remaining ?? 0
                }
                #expect(await sandbox.countedRequests(on: Self.keys) == 12)

                store.send(.key(.character("r")))
                await watcher.until("429") { $0.rateLimitCountdown != nil }
                #expect(watcher.last?.rateLimitCountdown == 100, "the sandbox's window resets at 100 s")
                // The refresh went out and came back 429 (a 429 is answered before the counter):
                #expect(watcher.last?.keysResource.failures == 1)
                #expect(watcher.last?.keysResource.failure?.isRateLimited == true)
                #expect(watcher.last?.keysResource.nextPoll == at(100))

                clock.advance(by: .seconds(1))
                await watcher.until("countdown ticks") { $0.rateLimitCountdown == 99 }
                clock.advance(by: .seconds(29))
                await watcher.until("countdown ticks") { $0.rateLimitCountdown == 70 }
                // The polls due at 10 s and 20 s were held back: a request sent while blocked
                // would still be in flight or would have come back as a second 429.
                #expect(watcher.last?.keysResource.inFlight == false, "no request while blocked")
                #expect(watcher.last?.keysResource.failures == 1, "no request while blocked")
                #expect(await sandbox.countedRequests(on: Self.keys) == 12)
            }
        }
    }

    @Test func toggleGoesToTheServerAndShowsItsMessage() async throws {
        try await withSandbox(Self.smallFleet()) { sandbox in
            try await sandbox.countRequests(on: Self.toggle)
            let before = try await sandbox.enterprise().listSynchronizers().synchronizers
            let clock = TestClock()
            let store = Store(enterprise: try sandbox.enterprise(), synvo: nil, clock: clock, startDate: t0)
            try await whileRunning(store) { (watcher: inout StateWatcher) in
                await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 }

                // Rows sort by name: the first one ("Production Server 1") is enabled.
                let first = try #require(watcher.last?.synchronizers.rows.first)
                #expect(first.isEnabled == true)
                store.send(.key(.space))
                await watcher.until("question") { $0.modal != nil }
                store.send(.key(.character("y")))
                await watcher.until("server answer") { $0.message?.kind == .success }
                #expect(watcher.last?.message?.text == "Synchronizer disabled successfully")
                #expect(watcher.last?.synchronizers.row(id: first.id)?.isEnabled == false)
                #expect(watcher.last?.pendingToggles.isEmpty == true)

                #expect(await sandbox.countedRequests(on: Self.toggle) == 1)
                let after = try await sandbox.enterprise().listSynchronizers().synchronizers
                let expected = before.map { row in
                    var row = row
                    if row.id == first.id { row.isEnabled = false }
                    return row
                }
                #expect(after == expected, "only that synchronizer changed, to disabled")
            }
        }
    }

    @Test func aFailedCreateIsSentOnceOnly() async throws {
        try await withSandbox(Self.smallFleet()) { sandbox in
            // Every create's answer is cut in half after the server committed it; the rule's
            // count going down counts the create requests.
            try await sandbox.inject(FaultRule(route: Self.create, kind: .truncated, count: RunningSandbox.counterBudget))
            let clock = TestClock()
            let store = Store(enterprise: try sandbox.enterprise(), synvo: nil, clock: clock, startDate: t0)
            try await whileRunning(store) { (watcher: inout StateWatcher) in
                await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 }

                store.send(.key(.character("n")))
                store.send(.key(.paste("edge-9")))
                store.send(.key(.enter))
                await watcher.until("create failed") { $0.message?.kind == .error }
                for step in 1...4 {
                    clock.advance(by: .seconds(30))
                    await watcher.until("time passes") { $0.now == at(Double(step) * 30) }
                }
                let left = await sandbox.faults.active.first { $0.route == Self.create }?.count
                #expect(left == RunningSandbox.counterBudget - 1, "one create request reached the server")
                let names = try await sandbox.enterprise().listSynchronizers().synchronizers.map(\.name)
                #expect(names.filter { $0 == "edge-9" }.count == 1)
            }
        }
    }

    @Test func theNewKeyCanBeCopiedAndSavedToAPrivateFile() async throws {
        let folder = try TemporaryDirectory()
        try await withSandbox { sandbox in
            try await sandbox.countRequests(on: Self.keyCreate)
            let keysBefore = try await sandbox.synvo().listKeys().value.items.map(\.keyID)

            let clock = TestClock()
            let clipboard = RecordingClipboard()
            let store = Store(settings: ViewModelSettings(saveDirectory: folder.url.path), enterprise: nil, synvo: try sandbox.synvo(),
                              clipboard: clipboard, clock: clock, startDate: t0)
            var watcher = StateWatcher(store.states)
            let runner = Task { await store.run() }
            await watcher.until("first load") { $0.keysResource.loadedAt == t0 }

            store.send(.key(.character("n")))
            store.send(.key(.enter))
            let shown = await watcher.until("modal") { if case .oneTimeKey? = $0.modal { true } else { false } }
            guard case .oneTimeKey(let created)? = shown?.modal else {
                store.shutdown()
                await finished(runner)
                return
            }
            #expect(!keysBefore.contains(created.keyID))

            store.send(.key(.character("c")))
            await watcher.until("copied") { if case .oneTimeKey(let m)? = $0.modal { m.copy == .sent } else { false } }
            #expect(clipboard.texts == [created.secret.reveal()])
            // What was copied is the real key: it authenticates and lists itself.
            let withNewKey = try await sandbox.synvo(key: created.secret.reveal()).listKeys()
            #expect(withNewKey.value.items.contains { $0.keyID == created.keyID })

            store.send(.key(.character("w")))
            let saved = await watcher.until("saved") { if case .oneTimeKey(let m)? = $0.modal, case .saved = m.save { true } else { false } }
            let path = folder.url.appendingPathComponent("synvo-key-\(created.keyID).txt").path
            if case .oneTimeKey(let modal)? = saved?.modal {
                #expect(modal.save == .saved(path: path))
            }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == created.secret.reveal() + "\n")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            store.send(.key(.enter))
            await watcher.until("closed") { $0.modal == nil }
            #expect(await sandbox.countedRequests(on: Self.keyCreate) == 1)
            let keysAfter = try await sandbox.synvo().listKeys().value.items.map(\.keyID)
            #expect(Set(keysAfter) == Set(keysBefore + [created.keyID]), "exactly one key was created")

            store.send(.key(.character("q")))
            await finished(runner)
        }
    }

    @Test func aTypedKeyBringsAMissingAPIToLife() async throws {
        // The sandbox answers only to this key, so a loaded fleet means the typed key was used.
        var configuration = Self.smallFleet()
        configuration.enterpriseKey = "ent_typed_key_for_store_test"
        try await withSandbox(configuration) { sandbox in
            #expect(await failure { try await sandbox.enterprise().listSynchronizers() } != nil, "the demo key is not accepted here")
            let clock = TestClock()
            let store = Store(enterprise: nil, synvo: nil, credentials: TypedCredentialFactory(connection: ServiceConnection(enterpriseURL: sandbox.enterpriseURL.absoluteString, synvoURL: sandbox.synvoURL.absoluteString)), clock: clock, startDate: t0)
            var watcher = StateWatcher(store.states)
            let runner = Task { await store.run() }

            await watcher.until("asks for the Enterprise key") { $0.modal == .prompt(Prompt(purpose: .credential(.enterprise))) }
            store.send(.key(.paste("ent_typed_key_for_store_test")))
            store.send(.key(.enter))
            await watcher.until("fleet loaded with the typed key") { $0.synchronizers.rows.count == 3 }
            #expect(watcher.last?.configured == [.enterprise])
            #expect(watcher.last?.modal == nil, "no Synvo prompt opens by itself")
            store.send(.key(.character("3")))
            await watcher.until("3 switches to the keys pane") { $0.pane == .keys }
            store.send(.key(.enter))
            await watcher.until("Enter on the pane asks for the Synvo key") { $0.modal == .prompt(Prompt(purpose: .credential(.synvo))) }
            store.send(.key(.escape))
            await watcher.until("goes on with one API") { $0.modal == nil }

            store.send(.key(.character("q")))
            await finished(runner)
        }
    }
}
