/// The one table of key bindings. `command(for:in:readOnly:)` dispatches keys and
/// `helpSections(readOnly:)` writes the `?` overlay from the same rows, so help can
/// never disagree with behaviour.
public struct KeyMap: Sendable, Hashable {
    public let bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// What a key does in the given contexts (searched in order), or why it does nothing.
    public func lookup(_ key: KeyPress, in contexts: [BindingContext], readOnly: Bool) -> Lookup {
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                if readOnly && binding.isMutating { return .unboundReadOnly(binding) }
                return .command(binding.command)
            }
        }
        return .unbound
    }

    /// The command a key runs, or nil when it is unbound (or unbound by `--readonly`).
    public func command(for key: KeyPress, in contexts: [BindingContext], readOnly: Bool) -> Command? {
        if case .command(let command) = lookup(key, in: contexts, readOnly: readOnly) { return command }
        return nil
    }

    /// The help overlay for the given contexts: one section per context, in key-table order,
    /// without the bindings `--readonly` unbinds, then the text-field editing keys when a
    /// field context is listed. The overlay draws exactly these sections.
    public func helpSections(for contexts: [BindingContext] = BindingContext.allCases, readOnly: Bool) -> [HelpSection] {
        let wanted = Set(contexts)
        var sections = BindingContext.allCases.filter(wanted.contains).compactMap { context -> HelpSection? in
            let entries = bindings
                .filter { $0.context == context && !(readOnly && $0.isMutating) }
                .map { HelpEntry(keys: $0.keys, help: $0.help) }
            return entries.isEmpty ? nil : HelpSection(title: context.title, entries: entries)
        }
        if !wanted.isDisjoint(with: [.filter, .prompt]) {
            let typing = TextField.bindings.map { HelpEntry(keys: $0.keys, help: $0.help) }
                + [HelpEntry(keys: [.paste("")], help: TextField.pasteHelp)]
            sections.append(HelpSection(title: Self.textFieldSectionTitle, entries: typing))
        }
        return sections
    }

    /// Heading of the editing-keys section of help.
    public static let textFieldSectionTitle = "Typing in a field"

    /// The result of looking up a key.
    public enum Lookup: Sendable, Hashable {
        case command(Command)
        /// Bound to a mutating command, but the app runs `--readonly`.
        case unboundReadOnly(KeyBinding)
        case unbound
    }
}

extension KeyMap {
    /// SynqFleet's bindings.
    public static let standard = KeyMap(bindings: [
        // Everywhere (normal mode)
        KeyBinding([.character("1")], .global, .showPane(.synchronizers), "Synchronizers pane"),
        KeyBinding([.character("2")], .global, .showPane(.preferences), "Preferences pane"),
        KeyBinding([.character("3")], .global, .showPane(.keys), "Synvo keys pane"),
        KeyBinding([.character("4")], .global, .showPane(.events), "Events pane (what changed)"),
        KeyBinding([.tab], .global, .nextPane, "Next pane"),
        KeyBinding([.backTab], .global, .previousPane, "Previous pane"),
        KeyBinding([.character("r")], .global, .refresh, "Refresh now"),
        KeyBinding([.character("?")], .global, .toggleHelp, "Show or hide this help"),
        KeyBinding([.character("P")], .global, .pickProfile, "Switch profile (re-polls everything)"),
        KeyBinding([.character("q"), .ctrl("c")], .global, .quit, "Quit"),
        // Tables
        KeyBinding([.up, .character("k")], .table, .moveUp, "Move up"),
        KeyBinding([.down, .character("j")], .table, .moveDown, "Move down"),
        KeyBinding([.pageUp, .ctrl("b")], .table, .pageUp, "Page up"),
        KeyBinding([.pageDown, .ctrl("f")], .table, .pageDown, "Page down"),
        KeyBinding([.character("g"), .home], .table, .moveToTop, "First row"),
        KeyBinding([.character("G"), .end], .table, .moveToBottom, "Last row"),
        KeyBinding([.character("/")], .table, .startFilter, "Filter as you type (Esc clears)"),
        KeyBinding([.escape], .table, .cancel, "Clear the filter"),
        KeyBinding([.character("s")], .table, .cycleSort, "Sort by next column"),
        KeyBinding([.character("S")], .table, .reverseSort, "Reverse sort"),
        // Synchronizers
        KeyBinding([.enter], .synchronizers, .showDetail, "Every field of the row"),
        KeyBinding([.character("y")], .synchronizers, .copyField(.id), "Copy the row's id (OSC 52)"),
        KeyBinding([.space], .synchronizers, .toggleSelected, "Enable or disable the selected row", mutating: true),
        KeyBinding([.character("e")], .synchronizers, .setMarked(enable: true), "Enable the marked rows (or the selected one)", mutating: true),
        KeyBinding([.character("d")], .synchronizers, .setMarked(enable: false), "Disable the marked rows (or the selected one)", mutating: true),
        // Marks only feed e and d, so read-only leaves them out too.
        KeyBinding([.character("m")], .synchronizers, .toggleMark, "Mark or unmark the row", mutating: true),
        KeyBinding([.character("*")], .synchronizers, .markAllVisible, "Mark every row the filter shows", mutating: true),
        KeyBinding([.character("M")], .synchronizers, .clearMarks, "Clear all marks, shown or hidden", mutating: true),
        KeyBinding([.character("n")], .synchronizers, .create, "Create a synchronizer", mutating: true),
        KeyBinding([.character("c")], .synchronizers, .copyKey, "Copy the synq key (OSC 52)"),
        KeyBinding([.character("H")], .synchronizers, .showHistory, "History of this synchronizer (Events pane)"),
        // Synvo keys
        KeyBinding([.enter], .keys, .showDetail, "Every field of the row"),
        KeyBinding([.character("y")], .keys, .copyField(.id), "Copy the row's id (OSC 52)"),
        KeyBinding([.character("n")], .keys, .create, "Create a key (name optional)", mutating: true),
        KeyBinding([.character("H")], .keys, .showHistory, "History of this key (Events pane)"),
        // Pane without credentials
        KeyBinding([.enter], .unconfigured, .enterCredential, "Type the API key for this pane"),
        // Filter field
        KeyBinding([.enter], .filter, .submit, "Keep the filter"),
        KeyBinding([.escape, .ctrl("c")], .filter, .cancel, "Clear the filter"),
        // Prompts
        KeyBinding([.enter], .prompt, .submit, "Submit"),
        KeyBinding([.escape, .ctrl("c")], .prompt, .cancel, "Cancel"),
        // Questions
        KeyBinding([.character("y"), .character("Y")], .confirm, .confirm, "Yes"),
        KeyBinding([.character("n"), .character("N"), .escape, .ctrl("c")], .confirm, .deny, "No"),
        // One-time key modal
        KeyBinding([.character("c")], .keyModal, .copySecret, "Copy the key (OSC 52)"),
        KeyBinding([.character("w")], .keyModal, .saveSecret, "Save the key to a private file (0600)"),
        KeyBinding([.character("v")], .keyModal, .revealSecret, "Show or hide the key"),
        KeyBinding([.enter], .keyModal, .submit, "Done (asks if not copied or saved)"),
        KeyBinding([.escape, .character("q"), .ctrl("c")], .keyModal, .cancel, "Close (asks first)"),
        // Detail view
        KeyBinding([.character("i"), .character("y")], .detail, .copyField(.id), "Copy the id (OSC 52)"),
        KeyBinding([.character("n")], .detail, .copyField(.name), "Copy the name"),
        KeyBinding([.character("c")], .detail, .copyField(.key), "Copy the synq key (synchronizers)"),
        KeyBinding([.up, .character("k")], .detail, .moveUp, "Scroll up"),
        KeyBinding([.down, .character("j")], .detail, .moveDown, "Scroll down"),
        KeyBinding([.pageUp, .ctrl("b")], .detail, .pageUp, "Scroll a page up"),
        KeyBinding([.pageDown, .ctrl("f")], .detail, .pageDown, "Scroll a page down"),
        KeyBinding([.escape, .enter, .character("q"), .ctrl("c")], .detail, .cancel, "Close"),
        // Profile picker
        KeyBinding([.up, .character("k")], .picker, .moveUp, "Previous profile"),
        KeyBinding([.down, .character("j")], .picker, .moveDown, "Next profile"),
        KeyBinding([.enter], .picker, .submit, "Switch to it"),
        KeyBinding([.escape, .character("q"), .ctrl("c")], .picker, .cancel, "Stay on this profile"),
        // Help
        KeyBinding([.character("?"), .escape, .character("q"), .ctrl("c")], .help, .toggleHelp, "Close help"),
        KeyBinding([.up, .character("k")], .help, .moveUp, "Scroll up"),
        KeyBinding([.down, .character("j")], .help, .moveDown, "Scroll down"),
        KeyBinding([.pageUp, .ctrl("b")], .help, .pageUp, "Scroll a page up"),
        KeyBinding([.pageDown, .ctrl("f")], .help, .pageDown, "Scroll a page down"),
        KeyBinding([.character("g"), .home], .help, .moveToTop, "Scroll to the top"),
        KeyBinding([.character("G"), .end], .help, .moveToBottom, "Scroll to the end"),
    ])
}
