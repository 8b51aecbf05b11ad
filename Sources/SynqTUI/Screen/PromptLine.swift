import SynqViewModel
import SynqText

/// The line above the status bar: a y/n question, a prompt's field, the filter being
/// typed, the latest message, why the last refresh failed, or the selected row's details,
/// in that order. (Named for what it shows rather than `CommandLine`, which would hide
/// `Swift.CommandLine` inside this module.)
enum PromptLine {
    static func draw(_ state: AppState, into grid: inout Grid, y: Int) -> Frame.Cursor? {
        grid.fill(x: 0, y: y, count: grid.width, role: .base)
        switch state.modal {
        case .confirmToggle(let confirmation)?:
            // A long question is cut before its answer keys, never through them: "(y/n)" always shows.
            let answer = ToggleConfirmation.answerKeys
            let body = TextLayout.truncate(Grid.displayable(confirmation.body, glyphs: grid.glyphs),
                                           to: max(0, grid.width - 1 - CharacterWidth.of(answer)), ellipsis: grid.glyphs.ellipsis)
            grid.write(body + answer, x: 1, y: y, role: .prompt, maxWidth: grid.width - 1)
            return nil
        case .prompt(let prompt)?:
            let cursor = TextFieldView.draw(label: prompt.title, field: prompt.field, into: &grid, x: 1, y: y, width: grid.width - 2)
            return Frame.Cursor(x: cursor.x, y: cursor.y)
        default:
            break
        }
        if state.isEditingFilter {
            let field = switch state.pane {
            case .keys: state.keys.filter
            case .events: state.events.filter
            case .synchronizers, .preferences: state.synchronizers.filter
            }
            let cursor = TextFieldView.draw(label: "/", field: field, into: &grid, x: 1, y: y, width: grid.width - 2, labelRole: .filter, fieldRole: .filter)
            return Frame.Cursor(x: cursor.x, y: cursor.y)
        }
        if let message = state.message {
            let role: StyleRole = switch message.kind {
            case .error: .statusError
            case .success: .enabled
            case .info: .base
            }
            grid.write(TextLayout.truncate(Grid.displayable(message.text, glyphs: grid.glyphs), to: grid.width - 2, ellipsis: grid.glyphs.ellipsis),
                       x: 1, y: y, role: role, maxWidth: grid.width - 2)
            return nil
        }
        if state.isConfigured(state.pane), let service = state.pane.service, state.rejectedKeys[service] != nil {
            let how = state.settings.canAskForCredentials ? "press Enter to type a new key (r retries this one)" : "r retries it"
            grid.write(TextLayout.truncate("\(service.displayName) refused the key; not polling. " + how.prefix(1).uppercased() + how.dropFirst(), to: grid.width - 2, ellipsis: grid.glyphs.ellipsis),
                       x: 1, y: y, role: .statusError, maxWidth: grid.width - 2)
            return nil
        }
        if state.isConfigured(state.pane), let kind = state.pane.resource, case .stale(let error, _, _) = state.resource(kind).status {
            grid.write(TextLayout.truncate(Grid.displayable("Refresh failed: " + error, glyphs: grid.glyphs), to: grid.width - 2, ellipsis: grid.glyphs.ellipsis),
                       x: 1, y: y, role: .statusError, maxWidth: grid.width - 2)
            return nil
        }
        let detail: String? = switch state.pane {
        case .synchronizers: state.isConfigured(.synchronizers) ? SynchronizersPane.detail(state) : nil
        case .keys: state.isConfigured(.keys) ? SynvoKeysPane.detail(state) : nil
        case .events: EventsPane.detail(state)
        case .preferences: nil
        }
        if let detail {
            grid.write(TextLayout.truncate(Grid.displayable(detail, glyphs: grid.glyphs), to: grid.width - 2, ellipsis: grid.glyphs.ellipsis),
                       x: 1, y: y, role: .dim, maxWidth: grid.width - 2)
        }
        return nil
    }
}
