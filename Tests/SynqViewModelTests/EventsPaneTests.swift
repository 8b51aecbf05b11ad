import Foundation
import SynqAPI
import SynqJournal
import Testing
@testable import SynqViewModel

/// The Events pane (`4`) in the reducer: what the journal reports becomes rows, newest
/// first, highlighted like other changes, filterable; alarming changes raise an alert; `H`
/// on a synchronizer or key shows its history.
@Suite struct EventsPaneTests {
    static func event(_ id: String, _ kind: EventKind, resource: JournalResource = .synchronizer, name: String? = nil,
                      old: String? = nil, new: String? = nil, origin: EventOrigin = .observed, at seconds: TimeInterval = 0) -> JournalEvent {
        JournalEvent(observedAt: at(seconds), profile: "default", resource: resource, itemID: id, name: name ?? "name-\(id)",
                     kind: kind, oldValue: old, newValue: new, origin: origin)
    }

    @Test func fourShowsTheEventsNewestFirstWithHighlights() {
        var h = Harness.loaded()
        h.press(.character("4"))
        #expect(h.state.pane == .events)
        h.send(.journal(.opened), at: 1)
        h.send(.journal(.recorded([Self.event("s1", .disabled, at: 1), Self.event("s2", .enabled, origin: .synq, at: 1)])), at: 1)
        h.send(.journal(.recorded([Self.event("s3", .renamed, old: "a", new: "b", at: 2)])), at: 2)
        // Newest first; one poll's events keep the order they were found in.
        #expect(h.state.events.rows.map(\.event.itemID) == ["s3", "s1", "s2"])
        let newest = h.state.events.rows[0]
        #expect(h.state.events.highlight(for: newest.id)?.change == .new)
        h.send(.tick(at(2 + h.state.settings.highlightDuration)), at: 2 + h.state.settings.highlightDuration)
        #expect(h.state.events.highlights.isEmpty, "highlights expire like other panes'")
    }

    @Test func historyFromTheFileComesBelowWhatArrivedMeanwhileWithoutHighlights() {
        var h = Harness.loaded()
        h.send(.journal(.recorded([Self.event("new", .appeared, at: 5)])), at: 5)
        h.send(.journalHistory([Self.event("old1", .disabled, at: -100), Self.event("old2", .enabled, at: -50)]), at: 5)
        #expect(h.state.events.rows.map(\.event.itemID) == ["new", "old2", "old1"])
        #expect(h.state.events.highlights.count == 1)
        #expect(h.state.events.highlight(for: h.state.events.rows[0].id) != nil)
    }

    @Test func theSameChangeTwiceIsTwoRows() {
        var h = Harness.loaded()
        let flip = Self.event("s1", .disabled, at: 1)
        h.send(.journal(.recorded([flip])), at: 1)
        h.send(.journal(.recorded([flip])), at: 1)
        #expect(h.state.events.all.count == 2)
    }

    @Test func thePaneKeepsOnlyTheNewestEvents() {
        var h = Harness.loaded()
        let many = (0..<(Reducer.eventsShown + 10)).map { Self.event("s\($0)", .enabled, at: 1) }
        h.send(.journal(.recorded(many)), at: 1)
        #expect(h.state.events.all.count == Reducer.eventsShown)
        #expect(h.state.events.all.last?.event.itemID == "s\(Reducer.eventsShown + 9)")
    }

    @Test func eventsFilterLikeOtherPanes() {
        var h = Harness.loaded()
        h.press(.character("4"))
        h.send(.journal(.recorded([Self.event("s1", .disabled, origin: .synq), Self.event("k1", .statusChanged, resource: .synvoKey, old: "ACTIVE", new: "REVOKED"),
                                   Self.event("s2", .renamed, old: "x", new: "y")])), at: 1)
        h.press(.character("/"))
        h.type("revoked")
        #expect(h.state.events.rows.map(\.event.itemID) == ["k1"])
        h.press(.escape)
        #expect(h.state.events.rows.count == 3)
        h.press(.character("/"))
        h.type("observed")
        #expect(Set(h.state.events.rows.map(\.event.itemID)) == ["k1", "s2"], "origin is searchable")
    }

    @Test func aRevokedKeyOrAnOutsideDisableRaisesOneAlertPerBatch() {
        var h = Harness.loaded()
        h.send(.journal(.recorded([Self.event("s1", .disabled, origin: .synq)])), at: 1)
        #expect(h.state.journal.alertCount == 0, "synq's own disable is no alert")
        h.send(.journal(.recorded([Self.event("s1", .enabled)])), at: 2)
        #expect(h.state.journal.alertCount == 0)
        h.send(.journal(.recorded([Self.event("k1", .statusChanged, resource: .synvoKey, name: "ci-key", old: "ACTIVE", new: "REVOKED"),
                                   Self.event("s2", .disabled, name: "edge-2")])), at: 3)
        #expect(h.state.journal.alertCount == 1)
        #expect(h.state.message?.kind == .error)
        #expect(h.state.message?.text.contains("key ci-key REVOKED") == true)
        #expect(h.state.message?.text.contains("+1 more") == true)
        h.send(.journal(.recorded([Self.event("k2", .statusChanged, resource: .synvoKey, old: "ACTIVE", new: "DISABLED")])), at: 4)
        #expect(h.state.journal.alertCount == 2)
    }

    @Test func alertsCanBeTurnedOff() {
        var h = Harness.loaded(settings: ViewModelSettings(alerts: AlertSettings(bell: false, flash: false)))
        h.send(.journal(.recorded([Self.event("s2", .disabled)])), at: 3)
        #expect(h.state.journal.alertCount == 0)
        #expect(h.state.message == nil)
        var bellOnly = Harness.loaded(settings: ViewModelSettings(alerts: AlertSettings(bell: true, flash: false)))
        bellOnly.send(.journal(.recorded([Self.event("s2", .disabled)])), at: 3)
        #expect(bellOnly.state.journal.alertCount == 1)
        #expect(bellOnly.state.message == nil)
    }

    @Test func aJournalProblemIsOneLineAndTheFeedKeepsWorking() {
        var h = Harness.loaded()
        h.send(.journal(.problem(.locked("/x/journal.sqlite"))), at: 1)
        #expect(h.state.journal.problem?.contains("locked") == true)
        #expect(h.state.message?.text.hasPrefix("No history kept") == true)
        h.send(.journal(.recorded([Self.event("s1", .enabled)])), at: 2)
        #expect(h.state.events.all.count == 1)
        h.send(.journal(.problem(nil)), at: 3)
        #expect(h.state.journal.problem == nil)
    }

    @Test func capitalHShowsTheSelectedItemsHistory() {
        var h = Harness.loaded()
        let selected = h.state.synchronizers.selected
        let id = selected?.id ?? "-"
        let other = fleet.first { $0.id != id }?.id ?? "-"
        h.send(.journal(.recorded([Self.event(id, .disabled), Self.event(other, .enabled), Self.event(id, .enabled)])), at: 1)
        h.press(.character("H"))
        #expect(h.state.pane == .events)
        #expect(!h.state.isEditingFilter)
        #expect(h.state.events.rows.count == 2)
        #expect(h.state.events.rows.allSatisfy { $0.event.itemID == id })
        h.press(.character("3"))
        h.press(.character("H"))
        #expect(h.state.events.filter.text == h.state.keys.selected?.id)
    }

    @Test func theEventsPanePollsEveryResourceAndLeavingItStopsTheHiddenOnes() {
        var h = Harness.loaded()
        // Everything loaded at t0; the synchronizers pane polls only its own resource.
        #expect(h.state.keysResource.nextPoll == nil)
        let shown = h.press(.character("4"), at: 10)
        #expect(shown.contains(.fetch(.keys)) && shown.contains(.fetch(.preferences)), "stale hidden resources are fetched now")
        #expect(!shown.contains(.fetch(.synchronizers)), "the polled one keeps its schedule")
        h.send(.keysLoaded(.success(RateLimited(value: SynvoKeyList(items: []), rateLimit: nil)), at: at(10)), at: 10)
        #expect(h.state.keysResource.nextPoll != nil, "and keeps being polled while Events is shown")
        h.press(.character("1"), at: 11)
        #expect(h.state.keysResource.nextPoll == nil)
    }

    @Test func tabCyclesThroughFourPanes() {
        #expect(Pane.keys.next == .events)
        #expect(Pane.events.next == .synchronizers)
        #expect(Pane.synchronizers.previous == .events)
        #expect(Pane.events.previous == .keys)
    }
}
