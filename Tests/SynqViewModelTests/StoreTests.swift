import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

@Suite(.timeLimit(.minutes(1)))
struct StoreTests {
    @Test func pollsTheVisiblePaneOnTheClock() async {
        let clock = TestClock()
        let enterprise = FakeEnterprise(fleet: fleet)
        let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: enterprise, synvo: nil, clock: clock, startDate: t0)
        var watcher = StateWatcher(store.states)
        let runner = Task { await store.run() }

        await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 && $0.preferences != nil }
        #expect(enterprise.listCalls == 1)
        #expect(watcher.last?.synchronizers.rows.count == 3)

        clock.advance(by: .seconds(4))
        // Nothing is due, so no timer fires: tick by hand to see that no poll is sent.
        store.send(.tick(store.now()))
        await watcher.until("tick at 4 s") { $0.now == at(4) }
        #expect(enterprise.listCalls == 1, "not due before the interval")

        clock.advance(by: .seconds(1))
        await watcher.until("second poll") { $0.synchronizersResource.loadedAt == at(5) }
        #expect(enterprise.listCalls == 2)

        clock.advance(by: .seconds(5))
        await watcher.until("third poll") { $0.synchronizersResource.loadedAt == at(10) }
        #expect(enterprise.listCalls == 3)

        store.send(.key(.character("q")))
        await watcher.finish()
        await runner.value
        #expect(watcher.last?.quitRequested == true)
    }

    @Test func aSlowRequestIsNeverOverlapped() async {
        let clock = TestClock()
        let enterprise = FakeEnterprise(fleet: fleet)
        enterprise.hold(true)
        let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: enterprise, synvo: nil, clock: clock, startDate: t0)
        await whileRunning(store) { (watcher: inout StateWatcher) in
            await watcher.until("preferences loaded") { $0.preferences != nil }
            for step in 1...4 {
                clock.advance(by: .seconds(30))
                await watcher.until("tick") { $0.now == at(Double(step) * 30) }
            }
            store.send(.key(.character("r")))
            await watcher.until("refresh refused") { $0.message?.text.hasPrefix("Already refreshing") == true }
            #expect(enterprise.listCalls == 1, "two minutes of ticks and a refresh sent nothing more")
            #expect(watcher.last?.synchronizersResource.status == .loading)

            enterprise.hold(false)
            enterprise.release()
            await watcher.until("answer arrives") { $0.synchronizersResource.loadedAt == at(120) }
            clock.advance(by: .seconds(5))
            await watcher.until("polling resumes") { $0.synchronizersResource.loadedAt == at(125) }
            #expect(enterprise.listCalls == 2)
        }
    }

    @Test func failuresBackOffOnTheClockAndTheDataGoesStale() async {
        let clock = TestClock()
        let enterprise = FakeEnterprise(fleet: fleet)
        let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: enterprise, synvo: nil, clock: clock, startDate: t0)
        await whileRunning(store) { (watcher: inout StateWatcher) in
            await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 }

            enterprise.failNext(2)
            clock.advance(by: .seconds(5))
            await watcher.until("first failure") { $0.synchronizersResource.failures == 1 }
            #expect(watcher.last?.synchronizersResource.isStale == true)
            #expect(watcher.last?.synchronizers.rows.count == 3)
            #expect(watcher.last?.synchronizersResource.nextPoll == at(15))

            clock.advance(by: .seconds(9))
            await watcher.until("tick at 14 s") { $0.now == at(14) }
            #expect(enterprise.listCalls == 2, "backing off: no retry before 15 s")

            clock.advance(by: .seconds(1))
            await watcher.until("second failure") { $0.synchronizersResource.failures == 2 }
            #expect(watcher.last?.synchronizersResource.nextPoll == at(35))

            clock.advance(by: .seconds(20))
            await watcher.until("recovered") { $0.synchronizersResource.loadedAt == at(35) }
            #expect(watcher.last?.synchronizersResource.failure == nil)
            #expect(enterprise.listCalls == 4)
        }
    }

    @Test func theKeysPollStretchesToTheRateLimitBudget() async {
        let clock = TestClock()
        let synvo = FakeSynvo(limit: 100, remaining: 16, reset: at(1000))
        let store = Store(settings: ViewModelSettings(refreshInterval: 5), enterprise: nil, synvo: synvo, clock: clock, startDate: t0)
        await whileRunning(store) { (watcher: inout StateWatcher) in
            await watcher.until("first load") { $0.keysResource.loadedAt == t0 }
            #expect(watcher.last?.pane == .keys)
            #expect(watcher.last?.rateLimit?.remaining == 15)
            #expect(watcher.last?.keysResource.nextPoll == at(100), "1000 s / (15 - 5 reserved) = 100 s, not 5 s")

            clock.advance(by: .seconds(99))
            await watcher.until("tick at 99 s") { $0.now == at(99) }
            #expect(synvo.listCalls == 1)
            clock.advance(by: .seconds(1))
            await watcher.until("second poll") { $0.keysResource.loadedAt == at(100) }
            #expect(synvo.listCalls == 2)
        }
    }

    @Test func a429ShowsACountdownAndWaits() async {
        let clock = TestClock()
        let synvo = FakeSynvo(limit: 100, remaining: 50, reset: at(60))
        let store = Store(enterprise: nil, synvo: synvo, clock: clock, startDate: t0)
        await whileRunning(store) { (watcher: inout StateWatcher) in
            await watcher.until("first load") { $0.keysResource.loadedAt == t0 }
            synvo.exhaustElsewhere()

            store.send(.key(.character("r")))
            await watcher.until("429") { $0.rateLimitCountdown != nil }
            #expect(watcher.last?.rateLimitCountdown == 60)
            #expect(synvo.listCalls == 2)

            clock.advance(by: .seconds(1))
            await watcher.until("countdown ticks") { $0.rateLimitCountdown == 59 }
            clock.advance(by: .seconds(29))
            await watcher.until("countdown ticks") { $0.rateLimitCountdown == 30 }
            #expect(synvo.listCalls == 2, "no request while blocked")
        }
    }

    @Test func toggleGoesToTheServerAndShowsItsMessage() async {
        let clock = TestClock()
        let enterprise = FakeEnterprise(fleet: fleet)
        let store = Store(enterprise: enterprise, synvo: nil, clock: clock, startDate: t0)
        await whileRunning(store) { (watcher: inout StateWatcher) in
            await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 }

            // Rows sort by name: alpha edge (s3) is first and enabled.
            store.send(.key(.space))
            await watcher.until("question") { $0.modal != nil }
            store.send(.key(.character("y")))
            await watcher.until("server answer") { $0.message?.kind == .success }
            #expect(watcher.last?.message?.text == "Synchronizer disabled successfully")
            #expect(watcher.last?.synchronizers.row(id: "s3")?.isEnabled == false)
            #expect(watcher.last?.pendingToggles.isEmpty == true)
            #expect(enterprise.toggleCalls == ["s3=false"])
        }
    }

    @Test func aFailedCreateIsSentOnceOnly() async {
        let clock = TestClock()
        let enterprise = FakeEnterprise(fleet: fleet)
        let store = Store(enterprise: enterprise, synvo: nil, clock: clock, startDate: t0)
        await whileRunning(store) { (watcher: inout StateWatcher) in
            await watcher.until("first load") { $0.synchronizersResource.loadedAt == t0 }

            store.send(.key(.character("n")))
            store.send(.key(.paste("edge-9")))
            store.send(.key(.enter))
            await watcher.until("create failed") { $0.message?.kind == .error }
            for step in 1...4 {
                clock.advance(by: .seconds(30))
                await watcher.until("time passes") { $0.now == at(Double(step) * 30) }
            }
            #expect(enterprise.createCalls == ["edge-9"])
        }
    }

    @Test func theNewKeyCanBeCopiedAndSavedToAPrivateFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synq-vm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let clock = TestClock()
        let synvo = FakeSynvo(limit: 100, remaining: 50, reset: at(3600))
        let clipboard = RecordingClipboard()
        let store = Store(settings: ViewModelSettings(saveDirectory: folder.path), enterprise: nil, synvo: synvo,
                          clipboard: clipboard, clock: clock, startDate: t0)
        var watcher = StateWatcher(store.states)
        let runner = Task { await store.run() }
        await watcher.until("first load") { $0.keysResource.loadedAt == t0 }

        store.send(.key(.character("n")))
        store.send(.key(.enter))
        await watcher.until("modal") { if case .oneTimeKey? = $0.modal { true } else { false } }

        store.send(.key(.character("c")))
        await watcher.until("copied") { if case .oneTimeKey(let m)? = $0.modal { m.copy == .sent } else { false } }
        #expect(clipboard.texts == ["sk_live_new_plaintext"])

        store.send(.key(.character("w")))
        let saved = await watcher.until("saved") { if case .oneTimeKey(let m)? = $0.modal, case .saved = m.save { true } else { false } }
        let path = folder.appendingPathComponent("synvo-key-key_new.txt").path
        guard case .oneTimeKey(let modal)? = saved?.modal else { return }
        #expect(modal.save == .saved(path: path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "sk_live_new_plaintext\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        store.send(.key(.enter))
        await watcher.until("closed") { $0.modal == nil }
        #expect(synvo.createCalls == 1)

        store.send(.key(.character("q")))
        await runner.value
    }

    @Test func aTypedKeyBringsAMissingAPIToLife() async {
        let clock = TestClock()
        let enterprise = FakeEnterprise(fleet: fleet)
        let credentials = FakeCredentials(enterprise: enterprise)
        let store = Store(enterprise: nil, synvo: nil, credentials: credentials, clock: clock, startDate: t0)
        var watcher = StateWatcher(store.states)
        let runner = Task { await store.run() }

        await watcher.until("asks for the Enterprise key") { $0.modal == .prompt(Prompt(purpose: .credential(.enterprise))) }
        store.send(.key(.paste("ent-typed-key")))
        store.send(.key(.enter))
        await watcher.until("fleet loaded with the typed key") { $0.synchronizers.rows.count == 3 }
        #expect(credentials.keys == ["ent-typed-key"])
        #expect(watcher.last?.configured == [.enterprise])
        await watcher.until("then asks for the Synvo key") { $0.modal == .prompt(Prompt(purpose: .credential(.synvo))) }
        store.send(.key(.escape))
        await watcher.until("goes on with one API") { $0.modal == nil }

        store.send(.key(.character("q")))
        await runner.value
    }
}
