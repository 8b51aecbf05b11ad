import Foundation
import SynqAPI
import SynqText

/// The detail view (`Enter`) and copying a row's fields (`y` in a table; `i`, `n`, `k` in
/// the detail view). Copied text goes through OSC 52; text a server sent is copied with its
/// control characters escaped, so a hostile name cannot run commands when pasted in a shell.
extension Reducer {
    static func showDetail(_ state: inout AppState) {
        switch state.pane {
        case .synchronizers:
            guard let row = state.synchronizers.selected else { return }
            state.modal = .detail(DetailView(.synchronizer(id: row.id)))
        case .keys:
            guard let row = state.keys.selected else { return }
            state.modal = .detail(DetailView(.key(id: row.id)))
        case .preferences, .events:
            break
        }
    }

    /// The row a copy acts on: the detail view's, else the selected row of the pane.
    static func copySubject(_ state: AppState) -> DetailView.Subject? {
        if case .detail(let detail)? = state.modal { return detail.subject }
        switch state.pane {
        case .synchronizers: return state.synchronizers.selected.map { .synchronizer(id: $0.id) }
        case .keys: return state.keys.selected.map { .key(id: $0.id) }
        case .preferences, .events: return nil
        }
    }

    static func copyField(_ field: RowField, _ state: inout AppState) -> [Effect] {
        guard let subject = copySubject(state) else { return [] }
        let name: String
        let value: String?
        switch subject {
        case .synchronizer(let id):
            guard let row = state.synchronizers.row(id: id) else { return [] }
            name = row.name
            value = switch field {
            case .id: row.id
            case .name: row.name
            case .key: row.key
            }
        case .key(let id):
            guard let row = state.keys.row(id: id) else { return [] }
            name = row.name ?? row.id
            value = switch field {
            case .id: row.id
            case .name: row.name
            case .key: nil
            }
        }
        guard let value, !value.isEmpty else {
            say(field == .key ? "A Synvo key's secret is shown only once, when it is created" : "This row has no \(field.rawValue) to copy", .info, &state)
            return []
        }
        let safe = Sanitizer.clean(value)
        return [.copyToClipboard(Secret(safe), .rowField(field, name: name, escaped: safe != value))]
    }
}
