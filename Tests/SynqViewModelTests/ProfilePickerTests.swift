import Foundation
import SynqAPI
import Testing
@testable import SynqViewModel

/// `P`: pick a profile, connect, start over on the new fleet.
@Suite struct ProfilePickerTests {
    static let staging = FleetIdentity(profile: "staging", enterpriseHost: "staging.example.com", synvoHost: "api.synvo.ai")
    static let production = FleetIdentity(profile: "prod", enterpriseHost: "startsynqing.com", synvoHost: "api.synvo.ai")

    static func harness() -> Harness {
        var h = Harness.loaded()
        h.state.fleet = staging
        h.state.profiles = ["dev", "prod", "staging"]
        return h
    }

    @Test func withoutProfilesPSaysHowToMakeOne() {
        var h = Harness.loaded()
        #expect(h.press(.character("P")).isEmpty)
        #expect(h.state.modal == nil)
        #expect(h.state.message?.text.contains("synq config use NAME") == true)
    }

    @Test func thePickerStartsOnTheProfileInUseAndEnterSwitches() {
        var h = Self.harness()
        h.press(.character("P"))
        guard case .profilePicker(let picker)? = h.state.modal else { Issue.record("no picker"); return }
        #expect(picker.choice == "staging")
        #expect(h.state.activeContexts == [.picker])
        h.press(.character("k"))
        #expect(h.press(.enter) == [.switchProfile("prod")])
        #expect(h.state.switchingTo == "prod")
        #expect(h.state.modal == nil)
        #expect(h.state.message?.text == "Switching to profile prod…")
    }

    @Test func escStaysAndPickingTheSameProfileDoesNothing() {
        var h = Self.harness()
        h.press(.character("P"), .escape)
        #expect(h.state.modal == nil)
        h.press(.character("P"))
        #expect(h.press(.enter).isEmpty)
        #expect(h.state.message?.text == "Already on profile staging")
    }

    @Test func aSwitchForgetsTheOldFleetAndFetchesWhatIsOnScreen() {
        var h = Self.harness()
        h.press(.character("m"), .character("3"))
        h.press(.character("P"), .character("k"), .enter)
        let effects = h.send(.profileSwitched("prod", .success(FleetSwitch(fleet: Self.production, configured: [.enterprise, .synvo])), at: at(1)), at: 1)
        #expect(Set(effects) == [.fetch(.synchronizers), .fetch(.preferences), .fetch(.keys)], "everything is polled again at once")
        #expect(h.state.fleet == Self.production)
        #expect(h.state.pane == .keys, "the same pane")
        #expect(h.state.synchronizers.all.isEmpty && h.state.keys.all.isEmpty, "no row of the old fleet stays")
        #expect(h.state.synchronizers.marked.isEmpty)
        #expect(h.state.rateLimit == nil)
        #expect(h.state.preferences == nil)
        #expect(h.state.switchingTo == nil)
        #expect(h.state.profiles == ["dev", "prod", "staging"])
        #expect(h.state.message?.text == "Now on profile prod (api.synvo.ai)")
    }

    /// A picked profile whose key the server refuses: its polling stops and Enter on the pane
    /// asks for a new key, which goes to the new profile's factory.
    @Test func aRefusedKeyOnTheNewProfileCanBeRetyped() {
        var h = Harness.loaded(settings: ViewModelSettings(canAskForCredentials: true))
        h.state.fleet = Self.staging
        h.state.profiles = ["dev", "prod", "staging"]
        h.press(.character("P"), .character("k"), .enter)
        h.send(.profileSwitched("prod", .success(FleetSwitch(fleet: Self.production, configured: [.enterprise, .synvo])), at: at(1)), at: 1)
        h.send(.synchronizersLoaded(.failure(.unauthorized(.enterprise, message: "Unauthorized", code: nil)), at: at(2)), at: 2)
        #expect(h.state.rejectedKeys[.enterprise] != nil)
        #expect(h.state.synchronizersResource.nextPoll == nil, "a refused key is not retried by itself")
        h.press(.enter)
        #expect(h.state.modal == .prompt(Prompt(purpose: .credential(.enterprise))))
    }

    @Test func aProfileWithoutKeysAsksInItsPanes() {
        var h = Self.harness()
        h.press(.character("P"), .character("g"), .enter)
        h.send(.profileSwitched("dev", .success(FleetSwitch(fleet: FleetIdentity(profile: "dev", enterpriseHost: "localhost:3000", synvoHost: "x"), configured: [])), at: at(1)), at: 1)
        #expect(h.state.configured.isEmpty)
        #expect(h.state.activeContexts == [.unconfigured, .global])
    }

    @Test func aFailedSwitchStaysOnTheOldFleet() {
        var h = Self.harness()
        h.press(.character("P"), .character("k"), .enter)
        h.send(.profileSwitched("prod", .failure(FleetSwitchError("credentials.json: wrong passphrase")), at: at(1)), at: 1)
        #expect(h.state.fleet == Self.staging)
        #expect(h.state.synchronizers.all.count == 3)
        #expect(h.state.message?.text == "Could not switch to prod: credentials.json: wrong passphrase")
        #expect(h.state.message?.kind == .error)
    }

    @Test func noSwitchWhileACreateIsOnItsWay() {
        var h = Self.harness()
        h.press(.character("n"))
        h.type("x")
        h.press(.enter)
        #expect(h.state.isCreating)
        h.press(.character("P"), .character("k"))
        #expect(h.press(.enter).isEmpty, "the one-time key of a Synvo create must not be lost with the old fleet")
        #expect(h.state.message?.kind == .error)
    }
}
