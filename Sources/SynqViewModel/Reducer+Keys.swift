import Foundation
import SynqAPI
import SynqText

extension Reducer {
    /// Dispatches a key through `KeyMap.standard` in the active contexts; keys the table
    /// does not bind edit the filter or prompt field when one has focus.
    static func handleKey(_ key: KeyPress, _ state: inout AppState) -> [Effect] {
        let contexts = state.activeContexts
        switch KeyMap.standard.lookup(key, in: contexts, readOnly: state.isReadOnly) {
        case .command(let command):
            return perform(command, &state)
        case .unboundReadOnly(let binding):
            say(readOnlyNotice(binding), .info, &state)
            return []
        case .unbound:
            if case .paste(let text) = key, contexts == [.filter] || contexts == [.prompt],
               let notice = TextField.pasteable(text).notice {
                say(notice, .info, &state)
            }
            if contexts == [.filter] {
                return editFilter(&state) { $0.apply(key) }
            } else if contexts == [.prompt], case .prompt(var prompt)? = state.modal {
                if prompt.field.apply(key) {
                    prompt.error = nil
                    state.modal = .prompt(prompt)
                }
            }
            return []
        }
    }

    /// What a key `--readonly` unbinds says instead of acting, e.g. "Read-only: n would
    /// create a synchronizer; nothing was sent".
    static func readOnlyNotice(_ binding: KeyBinding) -> String {
        let action = binding.help.prefix(1).lowercased() + binding.help.dropFirst()
        return "Read-only: \(binding.keyLabel) would \(action); nothing was sent"
    }

    /// Runs one command in the current state.
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .showPane(let pane): return switchPane(to: pane, &state)
        case .nextPane: return switchPane(to: state.pane.next, &state)
        case .previousPane: return switchPane(to: state.pane.previous, &state)
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveToTop, .moveToBottom:
            if case .profilePicker(var picker)? = state.modal {
                picker.selected = min(max(0, picker.selected + (command == .moveUp ? -1 : 1)), max(0, picker.names.count - 1))
                state.modal = .profilePicker(picker)
            } else if state.isHelpVisible {
                scrollHelp(command, &state)
            } else if case .detail(let detail)? = state.modal {
                scrollDetail(command, detail, &state)
            } else {
                navigate(command, &state)
            }
            return []
        case .toggleSelected: return toggleSelected(&state)
        case .toggleMark:
            toggleMark(&state)
            return []
        case .setMarked(let enable): return setMarked(enable: enable, &state)
        case .markAllVisible:
            markAllVisible(&state)
            return []
        case .clearMarks:
            clearMarks(&state)
            return []
        case .create: return openCreatePrompt(&state)
        case .copyKey: return copySelectedKey(&state)
        case .showHistory: return showHistory(&state)
        case .copyField(let field): return copyField(field, &state)
        case .showDetail:
            showDetail(&state)
            return []
        case .startFilter:
            setEditingFilter(true, &state)
            return []
        case .cycleSort, .reverseSort:
            return changeSort(command, &state)
        case .refresh: return refreshVisible(&state)
        case .enterCredential:
            guard let service = state.pane.service else { return [] }
            return openCredentialPrompt(for: service, &state)
        case .toggleHelp:
            toggleHelp(&state)
            return []
        case .pickProfile:
            openProfilePicker(&state)
            return []
        case .quit:
            if case .oneTimeKey? = state.modal { return perform(.cancel, &state) }
            // The TUI loop ends when it sees `quitRequested`; there is nothing to run.
            state.quitRequested = true
            return []
        case .confirm: return confirm(&state)
        case .deny: return deny(&state)
        case .submit: return submit(&state)
        case .cancel: return cancel(&state)
        case .copySecret, .saveSecret, .revealSecret: return keyModalCommand(command, &state)
        }
    }

    static func switchPane(to pane: Pane, _ state: inout AppState) -> [Effect] {
        guard pane != state.pane else { return [] }
        let wasPolled = Set(ResourceKind.allCases.filter(state.isPolled))
        state.pane = pane
        state.isHelpVisible = false
        // A hidden pane is not polled; the newly visible one is fetched now unless fresh.
        var effects: [Effect] = []
        for kind in ResourceKind.allCases {
            if !state.isPolled(kind) {
                if !state.resource(kind).inFlight { state.updateResource(kind) { $0.nextPoll = nil } }
            } else if !wasPolled.contains(kind) {
                effects += scheduleOnShow(kind, &state)
            }
        }
        return effects
    }

    static func navigate(_ command: Command, _ state: inout AppState) {
        let page = state.pageSize
        switch state.pane {
        case .synchronizers: move(&state.synchronizers, command, page: page)
        case .keys: move(&state.keys, command, page: page)
        case .events: move(&state.events, command, page: page)
        case .preferences: break
        }
    }

    private static func move<Row>(_ table: inout TableState<Row>, _ command: Command, page: Int) {
        let index = table.selectedIndex
        switch command {
        case .moveUp: table.select(index: index - 1)
        case .moveDown: table.select(index: index + 1)
        case .pageUp: table.select(index: index - page)
        case .pageDown: table.select(index: index + page)
        case .moveToTop: table.select(index: 0)
        case .moveToBottom: table.select(index: table.rows.count - 1)
        default: break
        }
    }

    static func setEditingFilter(_ editing: Bool, _ state: inout AppState) {
        switch state.pane {
        case .synchronizers: state.synchronizers.isEditingFilter = editing
        case .keys: state.keys.isEditingFilter = editing
        case .events: state.events.isEditingFilter = editing
        case .preferences: break
        }
    }

    static func editFilter(_ state: inout AppState, _ edit: (inout TextField) -> Void) -> [Effect] {
        switch state.pane {
        case .synchronizers: derive(state.synchronizers.editFilter(edit), .synchronizers)
        case .keys: derive(state.keys.editFilter(edit), .keys)
        case .events: derive(state.events.editFilter(edit), .events)
        case .preferences: []
        }
    }

    static func changeSort(_ command: Command, _ state: inout AppState) -> [Effect] {
        let reverse = command == .reverseSort
        switch state.pane {
        case .synchronizers:
            let sort = state.synchronizers.sort
            return derive(state.synchronizers.setSort(reverse ? sort.reversed() : sort.cycled()), .synchronizers)
        case .keys:
            let sort = state.keys.sort
            return derive(state.keys.setSort(reverse ? sort.reversed() : sort.cycled()), .keys)
        case .events:
            let sort = state.events.sort
            return derive(state.events.setSort(reverse ? sort.reversed() : sort.cycled()), .events)
        case .preferences: return []
        }
    }

    /// A filter/sort pass for `pane`, as the effect that runs it off the render loop.
    static func derive(_ pass: TableDerivation?, _ pane: Pane) -> [Effect] {
        guard var pass else { return [] }
        pass.pane = pane
        return [.deriveTable(pass)]
    }

    /// A pass's answer: the table shows it if it is still the latest.
    static func tableDerived(_ rows: DerivedRows, pane: Pane, _ state: inout AppState) {
        switch pane {
        case .synchronizers: state.synchronizers.land(rows)
        case .keys: state.keys.land(rows)
        case .events: state.events.land(rows)
        case .preferences: break
        }
    }

    static func toggleMark(_ state: inout AppState) {
        guard state.pane == .synchronizers, let row = state.synchronizers.selected else { return }
        state.synchronizers.toggleMark(row.id)
        state.synchronizers.select(index: state.synchronizers.selectedIndex + 1)
    }

    static func copySelectedKey(_ state: inout AppState) -> [Effect] {
        guard state.pane == .synchronizers, let row = state.synchronizers.selected else { return [] }
        return [.copyToClipboard(Secret(row.key), .synchronizerKey(id: row.id))]
    }

    /// Enter in a dialog or the filter field.
    static func submit(_ state: inout AppState) -> [Effect] {
        switch state.modal {
        case .prompt(let prompt)?: return submitPrompt(prompt, &state)
        case .oneTimeKey(var modal)?:
            if modal.isSecured {
                return closeKeyModal(&state)
            }
            modal.isConfirmingClose = true
            state.modal = .oneTimeKey(modal)
            return []
        case .confirmToggle?: return []
        case .detail?:
            state.modal = nil
            return []
        case .profilePicker(let picker)?:
            return chooseProfile(picker, &state)
        case nil:
            setEditingFilter(false, &state)
            return []
        }
    }

    /// Esc in a dialog, the filter field or a filtered table.
    static func cancel(_ state: inout AppState) -> [Effect] {
        switch state.modal {
        case .prompt(let prompt)?:
            state.modal = nil
            if case .credential(let service) = prompt.purpose {
                let still = state.rejectedKeys[service] != nil ? "Keeping the refused \(service.displayName) key; r retries it"
                    : "Continuing without the \(service.displayName)"
                say(still, .info, &state)
            }
            return []
        case .oneTimeKey(var modal)?:
            modal.isConfirmingClose = true
            state.modal = .oneTimeKey(modal)
            return []
        case .confirmToggle?:
            return deny(&state)
        case .detail?, .profilePicker?:
            state.modal = nil
            return []
        case nil:
            let pass = editFilter(&state) { $0.clear() }
            setEditingFilter(false, &state)
            return pass
        }
    }

    /// `y` in a question.
    static func confirm(_ state: inout AppState) -> [Effect] {
        switch state.modal {
        case .confirmToggle(let question)?:
            state.modal = nil
            let effects = question.targets.flatMap { startToggle($0, &state) }
            if question.isBulk {
                state.synchronizers.marked.removeAll()
                let ids = Set(effects.compactMap { effect -> String? in
                    if case .toggle(let id, _) = effect { return id }
                    return nil
                })
                let progress = BulkToggleProgress(ids: ids, enable: question.targets.first?.enable ?? true)
                state.bulkToggle = progress
                say("\(progress.verb) \(Count.text(ids.count)) synchronizer\(ids.count == 1 ? "" : "s")…", .info, &state)
            }
            return effects
        case .oneTimeKey(let modal)? where modal.isConfirmingClose:
            return closeKeyModal(&state)
        default:
            return []
        }
    }

    /// `n` or Esc in a question.
    static func deny(_ state: inout AppState) -> [Effect] {
        switch state.modal {
        case .confirmToggle?:
            state.modal = nil
            say("Nothing changed", .info, &state)
        case .oneTimeKey(var modal)?:
            modal.isConfirmingClose = false
            state.modal = .oneTimeKey(modal)
        default:
            break
        }
        return []
    }
}
