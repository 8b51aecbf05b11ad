/// Clicks and the wheel. A click selects what it lands on; the wheel does what ↑ and ↓ do
/// where it is (table rows, help lines, the picker's profiles), `MouseAction.wheelStep` times.
/// A question, a prompt or the one-time key window wants a typed answer: the mouse does
/// nothing there, so a stray click can neither answer nor close it.
extension Reducer {
    static func handleMouse(_ mouse: MouseAction, _ state: inout AppState) -> [Effect] {
        guard state.settings.mouse, !state.wantsTypedAnswer else { return [] }
        switch mouse {
        case .click(.tab(let pane)?):
            // Over help, the detail view or the picker, a tab closes it and switches, as a
            // person expects of a visible tab.
            state.isHelpVisible = false
            state.modal = nil
            setEditingFilter(false, &state)
            return switchPane(to: pane, &state)
        case .click(.row(let id, let pane)?):
            // Rows under an overlay are not clickable; a row of a pane no longer shown is stale.
            guard pane == state.pane, !state.isHelpVisible, state.modal == nil else { return [] }
            setEditingFilter(false, &state)
            switch pane {
            case .synchronizers: state.synchronizers.select(id: id)
            case .keys: state.keys.select(id: id)
            case .events: state.events.select(id: id)
            case .preferences: break
            }
            return []
        case .click(nil):
            return []
        case .wheel(let direction):
            var contexts = state.activeContexts
            // While the filter is typed, the wheel still moves through the table it filters.
            if contexts == [.filter] { contexts = [.table] }
            let key: KeyPress = direction == .up ? .up : .down
            guard let command = KeyMap.standard.command(for: key, in: contexts, readOnly: state.isReadOnly) else { return [] }
            var effects: [Effect] = []
            for _ in 0..<MouseAction.wheelStep { effects += perform(command, &state) }
            return effects
        }
    }
}

extension AppState {
    /// A question, a prompt or the one-time key window is open: it takes typed keys only.
    var wantsTypedAnswer: Bool {
        switch modal {
        case .confirmToggle?, .prompt?, .oneTimeKey?: true
        case .detail?, .profilePicker?, nil: false
        }
    }
}
