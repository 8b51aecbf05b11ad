import Foundation
import SynqAPI

/// The profile picker (`P`): choose a profile, connect to its fleet, start over on it. Every
/// table, mark, budget and pending request of the old fleet is forgotten (the store drops
/// answers to requests sent before the switch), and what is on screen is fetched at once.
extension Reducer {
    static func openProfilePicker(_ state: inout AppState) {
        guard !state.profiles.isEmpty else {
            say("No profiles to switch to: synq login or synq config use NAME makes one", .info, &state)
            return
        }
        if let pending = state.switchingTo {
            say("Already switching to \(pending)…", .info, &state)
            return
        }
        state.modal = .profilePicker(ProfilePicker(names: state.profiles, current: state.fleet.profile))
    }

    static func chooseProfile(_ picker: ProfilePicker, _ state: inout AppState) -> [Effect] {
        state.modal = nil
        guard let name = picker.choice else { return [] }
        if name == state.fleet.profile {
            say("Already on profile \(name)", .info, &state)
            return []
        }
        // A one-time key still on its way would be lost with the old fleet's answers.
        if state.isCreating {
            say("A create is on its way; switch once it has answered", .error, &state)
            return []
        }
        state.switchingTo = name
        say("Switching to profile \(name)…", .info, &state)
        return [.switchProfile(name)]
    }

    static func profileSwitched(_ name: String, _ result: Result<FleetSwitch, FleetSwitchError>, _ state: inout AppState) -> [Effect] {
        state.switchingTo = nil
        switch result {
        case .failure(let error):
            say("Could not switch to \(name): \(error.description)", .error, &state)
            return []
        case .success(let change):
            var fresh = AppState(settings: state.settings, configured: change.configured, now: state.now, fleet: change.fleet)
            fresh.profiles = state.profiles
            fresh.pane = state.pane
            fresh.pageSize = state.pageSize
            _ = fresh.synchronizers.setSort(state.synchronizers.sort)
            _ = fresh.keys.setSort(state.keys.sort)
            _ = fresh.events.setSort(state.events.sort)
            // The journal goes on (its health and alert count stay); its pane now shows the
            // new profile's history and, from here on, only that profile's events.
            fresh.journal = state.journal
            fresh.journal.profile = name
            state = fresh
            journalHistoryLoaded(change.history, &state)
            let host = change.fleet.host(for: state.pane.service ?? .enterprise)
            say("Now on profile \(name) (\(host))", .success, &state)
            // Everything is polled again at once, as at start; a missing key is asked for
            // when its pane is shown (Enter), a refused one stops its polling (401).
            var effects: [Effect] = []
            for kind in ResourceKind.allCases where state.settings.polledResources?.contains(kind) != false {
                effects += fetch(kind, &state)
            }
            return effects
        }
    }
}
