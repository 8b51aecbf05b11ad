import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

@Suite struct PollingTests {
    let list = SynchronizerList(synchronizers: fleet)

    @Test func startFetchesEveryConfiguredResourceOnce() {
        var h = Harness()
        #expect(h.send(.start, at: 0) == [.fetch(.synchronizers), .fetch(.preferences), .fetch(.keys)])
        #expect(h.state.resource(.synchronizers).status == .loading)
    }

    @Test func startFetchesOnlyConfiguredServices() {
        var h = Harness(configured: [.synvo])
        #expect(h.send(.start, at: 0) == [.fetch(.keys)])
        #expect(h.state.pane == .keys, "opens on the pane that has an API")
    }

    @Test func theVisiblePaneIsPolledEveryInterval() {
        var h = Harness()
        h.send(.start, at: 0)
        h.send(.synchronizersLoaded(.success(list), at: at(1)), at: 1)
        #expect(h.state.synchronizersResource.nextPoll == at(6))
        #expect(h.send(.tick(at(5.9)), at: 5.9).isEmpty)
        #expect(h.send(.tick(at(6)), at: 6) == [.fetch(.synchronizers)])
    }

    @Test func aPollNeverOverlapsItself() {
        var h = Harness()
        h.send(.start, at: 0)
        // The first request is still out: ticks and `r` send nothing more.
        for second in stride(from: 1.0, through: 60, by: 1) {
            #expect(!h.send(.tick(at(second)), at: second).contains(.fetch(.synchronizers)))
        }
        #expect(h.press(.character("r")).isEmpty)
        #expect(h.state.message?.text.contains("Already refreshing") == true)
        h.send(.synchronizersLoaded(.success(list), at: at(61)), at: 61)
        #expect(h.press(.character("r")) == [.fetch(.synchronizers)])
    }

    @Test func hiddenPanesAreNotPolledAndRefreshOnSwitchWhenOld() {
        var h = Harness.loaded()
        #expect(h.state.preferencesResource.nextPoll == nil, "hidden")
        #expect(h.state.keysResource.nextPoll == nil, "hidden")
        #expect(!h.send(.tick(at(30)), at: 30).contains(.fetch(.preferences)))
        #expect(h.press(.character("2")) == [.fetch(.preferences)], "older than the interval: fetched on show")
        #expect(h.state.synchronizersResource.nextPoll == nil, "the pane left is no longer polled")
    }

    @Test func aFreshHiddenPaneIsScheduledNotFetchedOnSwitch() {
        var h = Harness.loaded()
        h.send(.tick(at(2)), at: 2)
        #expect(h.press(.character("2")).isEmpty)
        #expect(h.state.preferencesResource.nextPoll == at(5))
        #expect(h.send(.tick(at(5)), at: 5) == [.fetch(.preferences)])
    }

    @Test func flippingPanesDoesNotDefeatTheBackOff() {
        var h = Harness.loaded()
        h.send(.tick(at(5)), at: 5)
        h.send(.synchronizersLoaded(.failure(.transport(.enterprise, .refused("127.0.0.1:8080"))), at: at(5)), at: 5)
        h.press(.character("2"), at: 6)
        #expect(h.press(.character("1"), at: 7).isEmpty, "last attempt at 5 s + 10 s back-off")
        #expect(h.state.synchronizersResource.nextPoll == at(15))
        #expect(h.send(.tick(at(15)), at: 15) == [.fetch(.synchronizers)])
    }

    @Test func anEnterprise429WaitsForItsReset() {
        var h = Harness.loaded()
        h.send(.tick(at(5)), at: 5)
        h.send(.synchronizersLoaded(.failure(.rateLimited(.enterprise, resetAt: at(300), rateLimit: nil)), at: at(5)), at: 5)
        #expect(h.state.synchronizersResource.nextPoll == at(300))
        #expect(h.state.rateLimit == nil, "the Synvo budget is not touched")
    }

    @Test func failuresBackOffExponentiallyUpToTheCap() {
        var h = Harness(settings: ViewModelSettings(refreshInterval: 5, maxBackoff: 60))
        h.send(.start, at: 0)
        var now = 0.0
        var gaps: [TimeInterval] = []
        for _ in 0..<6 {
            h.send(.synchronizersLoaded(.failure(.transport(.enterprise, .refused("127.0.0.1:8080"))), at: at(now)), at: now)
            let next = h.state.synchronizersResource.nextPoll!
            gaps.append(next.timeIntervalSince(at(now)))
            now = next.timeIntervalSince(t0)
            #expect(h.send(.tick(at(now)), at: now) == [.fetch(.synchronizers)], "retries when due")
        }
        #expect(gaps == [10, 20, 40, 60, 60, 60])
        h.send(.synchronizersLoaded(.success(list), at: at(now)), at: now)
        #expect(h.state.synchronizersResource.nextPoll == at(now + 5), "success resets the interval")
    }

    @Test func failureKeepsTheLastGoodDataMarkedStaleWithErrorAndAge() {
        var h = Harness.loaded()
        h.send(.tick(at(5)), at: 5)
        h.send(.synchronizersLoaded(.failure(.server(.enterprise, status: 502, message: "bad gateway")), at: at(6)), at: 6)
        #expect(h.state.synchronizers.rows.count == 3, "rows stay")
        #expect(h.state.synchronizersResource.isStale)
        #expect(h.state.synchronizersResource.status == .stale(error: "Enterprise API: server error 502: bad gateway", since: at(6), lastGood: t0))
        // A second failure keeps the start of the failure run.
        h.send(.tick(at(16)), at: 16)
        h.send(.synchronizersLoaded(.failure(.transport(.enterprise, .timeout)), at: at(17)), at: 17)
        #expect(h.state.synchronizersResource.failure?.since == at(6))
        #expect(h.state.synchronizersResource.failure?.message == "Enterprise API: the request timed out")
        #expect(h.state.nextWake() == at(18), "ticks each second so the age stays current")
        h.send(.tick(at(37)), at: 37)
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet)), at: at(38)), at: 38)
        #expect(h.state.synchronizersResource.status == .loaded(at: at(38)))
    }

    @Test func theUpdatedLabelIsRepaintedWhenItsTextChangesWhileIdle() {
        // A long refresh interval: nothing else would wake the screen for minutes.
        var h = Harness.loaded(settings: ViewModelSettings(refreshInterval: 600))
        #expect(h.state.nextWake() == at(5), "\"just now\" becomes \"5s ago\"")
        h.send(.tick(at(5)), at: 5)
        #expect(h.state.nextWake() == at(6), "then every second under a minute")
        h.send(.tick(at(59.5)), at: 59.5)
        #expect(h.state.nextWake() == at(60))
        h.send(.tick(at(61)), at: 61)
        #expect(h.state.nextWake() == at(91), "every minute past one minute, capped at 30 s")
    }

    @Test func aHiddenFailureDoesNotTickEverySecond() {
        var h = Harness()
        h.send(.start, at: 0)
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet)), at: t0), at: 0)
        h.send(.preferencesLoaded(.failure(.transport(.enterprise, .refused("127.0.0.1:8080"))), at: t0), at: 0)
        h.send(.keysLoaded(.failure(.unauthorized(.synvo, message: "Invalid API key", code: .invalidAPIKey)), at: t0), at: 0)
        #expect(h.state.nextWake() == at(5), "next poll of the visible pane, not a 1 s tick")
    }

    @Test func aFailedFirstLoadIsStaleWithoutData() {
        var h = Harness()
        h.send(.start, at: 0)
        h.send(.synchronizersLoaded(.failure(.unauthorized(.enterprise, message: "Unauthorized", code: nil)), at: t0), at: 0)
        #expect(h.state.synchronizersResource.status == .stale(error: "Enterprise API: unauthorized: Unauthorized", since: t0, lastGood: nil))
        #expect(!h.state.synchronizersResource.isStale, "nothing on screen to be stale")
    }

    @Test func changedAndNewRowsAreHighlightedForAFewSeconds() {
        var h = Harness.loaded(settings: ViewModelSettings(highlightDuration: 3))
        #expect(h.state.synchronizers.highlights.isEmpty, "the first load highlights nothing")
        var next = fleet
        next[1].isEnabled = true                      // s2 state changed
        next[2].name = "alpha edge (renamed)"         // s3 name changed
        next.append(synchronizer("s4", "brand new"))   // new
        h.send(.tick(at(5)), at: 5)
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: next)), at: at(5)), at: 5)
        let highlights = h.state.synchronizers.highlights
        #expect(highlights["s1"] == nil)
        #expect(highlights["s2"] == RowHighlight(change: .changed, until: at(8)))
        #expect(highlights["s3"] == RowHighlight(change: .changed, until: at(8)))
        #expect(highlights["s4"] == RowHighlight(change: .new, until: at(8)))
        #expect(h.state.nextWake() == at(8), "wakes to clear the highlights")
        h.send(.tick(at(7.9)), at: 7.9)
        #expect(h.state.synchronizers.highlights.count == 3)
        h.send(.tick(at(8)), at: 8)
        #expect(h.state.synchronizers.highlights.isEmpty)
    }

    @Test func changedKeyStatusIsHighlighted() {
        var h = Harness.loaded()
        h.press(.character("3"))
        h.send(.keysLoaded(.success(RateLimited(value: SynvoKeyList(items: [synvoKey("key_a", "Production API Key", .disabled), synvoKey("key_b", nil, .revoked, lastUsed: -1)]), rateLimit: nil)), at: at(1)), at: 1)
        #expect(h.state.keys.highlights["key_a"]?.change == .changed)
        #expect(h.state.keys.highlights["key_b"] == nil, "last-used alone is not a visible change")
    }

    @Test func skippedRowsAreReported() {
        var h = Harness()
        h.send(.start, at: 0)
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet, skipped: 2)), at: t0), at: 0)
        #expect(h.state.message?.text == "2 synchronizers could not be read and are not shown")
        #expect(h.state.synchronizers.rows.count == 3)
    }

    @Test func skippedRowsMessageGoesWhenTheListReadsCleanly() {
        var h = Harness()
        h.send(.start, at: 0)
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet, skipped: 1)), at: t0), at: 0)
        h.send(.keysLoaded(.success(RateLimited(value: SynvoKeyList(items: []), rateLimit: nil)), at: at(1)), at: 1)
        #expect(h.state.message?.text == "1 synchronizer could not be read and is not shown", "a clean keys list does not take it back")
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet)), at: at(6)), at: 6)
        #expect(h.state.message == nil)
    }

    @Test func preferencesNeverKeepThePasswordText() {
        var h = Harness()
        h.send(.start, at: 0)
        let response = PreferencesResponse(preferences: Preferences(walletAddress: "0xabc", dashboardPassword: "hunter2-plaintext", defaultAction: .web, web: false), owner: PreferencesOwner(walletAddress: "0xowner"))
        h.send(.preferencesLoaded(.success(response), at: t0), at: 0)
        let view = h.state.preferences!
        #expect(view.dashboardPasswordDisplay == "••••••••")
        #expect(!String(reflecting: h.state).contains("hunter2"))
        #expect(view.defaultAction == "web")
        #expect(view.ownerWalletAddress == "0xowner")
    }

    @Test func infoMessagesExpireErrorsStay() {
        var h = Harness.loaded(settings: ViewModelSettings(messageDuration: 6))
        h.press(.character("r"))
        #expect(h.state.message == nil || h.state.message?.kind != .error)
        h.press(.character("r"))
        #expect(h.state.message?.kind == .info)
        h.send(.tick(at(6)), at: 6)
        #expect(h.state.message == nil)
        h.send(.synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet, skipped: 1)), at: at(6)), at: 6)
        h.send(.tick(at(100)), at: 100)
        #expect(h.state.message?.kind == .error)
    }
}
