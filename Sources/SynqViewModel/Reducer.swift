import Foundation
import SynqAPI

/// The pure heart of the view model: applies one action to the state and returns the
/// effects to run. No I/O, no clock: `now` comes in with the call.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action, now: Date) -> [Effect] {
        state.now = now
        switch action {
        case .start:
            return start(&state)
        case .key(let key):
            return handleKey(key, &state)
        case .command(let command):
            return perform(command, &state)
        case .mouse(let mouse):
            return handleMouse(mouse, &state)
        case .tick:
            return tick(&state)
        case .viewport(let rows):
            state.pageSize = max(1, rows)
            return []
        case .helpViewport(let viewport):
            helpViewportChanged(viewport, &state)
            return []
        case .synchronizersLoaded(let result, let at):
            return synchronizersLoaded(result, at: at, &state)
        case .preferencesLoaded(let result, let at):
            return preferencesLoaded(result, at: at, &state)
        case .keysLoaded(let result, let at):
            return keysLoaded(result, at: at, &state)
        case .toggleFinished(let id, let enable, let result, _):
            return toggleFinished(id: id, enable: enable, result, &state)
        case .synchronizerCreated(let result, let at):
            return synchronizerCreated(result, at: at, &state)
        case .keyCreated(let name, let result, let at):
            return keyCreated(name: name, result, at: at, &state)
        case .copyFinished(let target, let outcome, _):
            return copyFinished(target, outcome, &state)
        case .saveFinished(let result, _):
            return saveFinished(result, &state)
        case .credentialFinished(let service, let error, _):
            return credentialFinished(service, error: error, &state)
        case .tableDerived(let rows, let pane):
            tableDerived(rows, pane: pane, &state)
            return []
        case .journal(let update):
            return journalUpdated(update, &state)
        case .journalHistory(let events):
            journalHistoryLoaded(events, &state)
            return []
        case .changeCommandFailed(let text):
            say(text, .error, &state)
            return []
        case .profileSwitched(let name, let result, _):
            return profileSwitched(name, result, &state)
        }
    }

    /// Sets the status-bar line.
    static func say(_ text: String, _ kind: StatusMessage.Kind, about resource: ResourceKind? = nil, _ state: inout AppState) {
        state.message = StatusMessage(text, kind: kind, at: state.now, resource: resource)
    }
}
