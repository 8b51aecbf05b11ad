import Foundation
import SynqAPI
import Testing
@testable import SynqJournal

@Suite struct ChangeTrackerTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func synchronizers(_ items: [(String, String, Bool)]) -> Observation.Content {
        .synchronizers(SynchronizerList(synchronizers: items.map { Synchronizer(id: $0.0, key: "synq-key-\($0.0)", name: $0.1, isEnabled: $0.2) }))
    }

    private func observe(_ tracker: inout ChangeTracker, _ content: Observation.Content, after seconds: TimeInterval, profile: String = "work") -> [JournalEvent] {
        tracker.observe(Observation(profile: profile, at: start.addingTimeInterval(seconds), content))
    }

    @Test func theFirstPollIsABaseline() {
        var tracker = ChangeTracker()
        let fleet = (0..<10_000).map { ("id-\($0)", "node-\($0)", true) }
        #expect(observe(&tracker, synchronizers(fleet), after: 0).isEmpty)
        #expect(tracker.hasBaseline(.synchronizer, profile: "work"))
        #expect(!tracker.hasBaseline(.synchronizer, profile: "home"))
        // Another profile has its own baseline.
        #expect(observe(&tracker, synchronizers([("z", "z", true)]), after: 1, profile: "home").isEmpty)
    }

    @Test func laterPollsYieldObservedChanges() {
        var tracker = ChangeTracker()
        _ = observe(&tracker, synchronizers([("a", "alpha", true), ("b", "beta", true)]), after: 0)
        let events = observe(&tracker, synchronizers([("a", "alpha", false), ("b", "beta", true)]), after: 5)
        #expect(events == [JournalEvent(observedAt: start.addingTimeInterval(5), profile: "work", resource: .synchronizer, itemID: "a",
                                        name: "alpha", kind: .disabled, oldValue: "enabled", newValue: "disabled", origin: .observed)])
        #expect(observe(&tracker, synchronizers([("a", "alpha", false), ("b", "beta", true)]), after: 10).isEmpty)
    }

    @Test func synqsOwnToggleIsJournalledOnceWithItsOrigin() {
        var tracker = ChangeTracker()
        _ = observe(&tracker, synchronizers([("a", "alpha", true)]), after: 0)
        let own = observe(&tracker, .toggled(id: "a", name: "alpha", enabled: false), after: 1)
        #expect(own.map(\.origin) == [.synq])
        #expect(own.map(\.kind) == [.disabled])
        // A poll that raced the toggle still shows it enabled: nothing happened.
        #expect(observe(&tracker, synchronizers([("a", "alpha", true)]), after: 2).isEmpty)
        // The poll that confirms it is not a second event.
        #expect(observe(&tracker, synchronizers([("a", "alpha", false)]), after: 6).isEmpty)
        // Someone else enabling it afterwards is theirs.
        let outside = observe(&tracker, synchronizers([("a", "alpha", true)]), after: 11)
        #expect(outside.map(\.origin) == [.observed])
        #expect(outside.map(\.kind) == [.enabled])
    }

    @Test func anUnconfirmedActionStopsClaimingChangesAfterItsWindow() {
        var tracker = ChangeTracker()
        _ = observe(&tracker, synchronizers([("a", "alpha", true)]), after: 0)
        _ = observe(&tracker, .toggled(id: "a", name: "alpha", enabled: false), after: 1)
        let late = observe(&tracker, synchronizers([("a", "alpha", false)]), after: 2 + ChangeTracker.confirmationWindow)
        #expect(late.map(\.origin) == [.observed])
    }

    @Test func createdItemsAreSynqsAndTheirAppearanceIsNotRepeated() {
        var tracker = ChangeTracker()
        _ = observe(&tracker, .synvoKeys(SynvoKeyList(items: [SynvoKey(keyID: "k1", name: "ci", status: .active)])), after: 0)
        let created = observe(&tracker, .created(.synvoKey, id: "k2", name: "deploy"), after: 1)
        #expect(created.map(\.origin) == [.synq])
        #expect(created.map(\.kind) == [.appeared])
        let next = observe(&tracker, .synvoKeys(SynvoKeyList(items: [SynvoKey(keyID: "k1", name: "ci", status: .revoked),
                                                                     SynvoKey(keyID: "k2", name: "deploy", status: .active)])), after: 5)
        #expect(next.map(\.kind) == [.statusChanged])
        #expect(next.first?.newValue == "REVOKED")
        #expect(next.first?.resource == .synvoKey)
    }

    @Test func noSecretEntersAnEvent() {
        var tracker = ChangeTracker()
        let password = "hunter2-unmasked-by-a-bad-server"
        func preferences(_ wallet: String, _ password: String) -> Observation.Content {
            .preferences(PreferencesResponse(success: true, message: nil,
                                             preferences: Preferences(walletAddress: wallet, dashboardPassword: password, defaultAction: .start, web: true),
                                             owner: nil))
        }
        _ = observe(&tracker, preferences("0xabc", "********"), after: 0)
        let events = observe(&tracker, preferences("0xdef", password), after: 5)
        #expect(events.map(\.itemID) == ["walletAddress", "dashboardPassword"])
        #expect(events.map(\.kind) == [.preferenceChanged, .preferenceChanged])
        let text = events.map { "\($0)" }.joined()
        #expect(!text.contains("hunter2"))
        // Synchronizer keys never reach an event, whatever changes.
        _ = observe(&tracker, synchronizers([("a", "alpha", true)]), after: 6)
        let renamed = observe(&tracker, synchronizers([("a", "alpha-2", false)]), after: 7)
        #expect(!renamed.map { "\($0)" }.joined().contains("synq-key-a"))
    }

    @Test func hugeNamesAreCapped() {
        var tracker = ChangeTracker()
        _ = observe(&tracker, synchronizers([("a", "alpha", true)]), after: 0)
        let events = observe(&tracker, synchronizers([("a", String(repeating: "x", count: 100_000), true)]), after: 1)
        #expect(events.first?.newValue?.count == ChangeTracker.valueLimit)
        #expect(events.first?.name?.count == ChangeTracker.valueLimit)
    }
}
