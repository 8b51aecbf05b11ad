/// Where a binding applies. The reducer works out which contexts are active from the
/// state (a modal or the filter field shadows the table keys); help groups by context.
public enum BindingContext: String, Sendable, Hashable, CaseIterable {
    /// Normal mode, any pane.
    case global
    /// Normal mode on a table pane (synchronizers, Synvo keys).
    case table
    /// Normal mode on the synchronizers pane.
    case synchronizers
    /// Normal mode on the Synvo keys pane.
    case keys
    /// A pane whose API has no key configured.
    case unconfigured
    /// Typing in the filter field.
    case filter
    /// A text prompt (names, credentials).
    case prompt
    /// A yes/no question.
    case confirm
    /// The one-time Synvo key modal.
    case keyModal
    /// The help overlay.
    case help

    /// Section heading in the help overlay.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .table: "Tables"
        case .synchronizers: "Synchronizers"
        case .keys: "Synvo keys"
        case .unconfigured: "Pane without an API key"
        case .filter: "Filter field"
        case .prompt: "Prompts"
        case .confirm: "Questions"
        case .keyModal: "New Synvo key"
        case .help: "Help"
        }
    }
}

/// One row of the key table: which keys, where, what they do, and the help text.
/// The same value dispatches the key and writes its line in the `?` overlay.
public struct KeyBinding: Sendable, Hashable {
    public let keys: [KeyPress]
    public let context: BindingContext
    public let command: Command
    public let help: String
    /// True when the command changes something on a server; unbound under `--readonly`.
    public let isMutating: Bool

    public init(_ keys: [KeyPress], _ context: BindingContext, _ command: Command, _ help: String, mutating: Bool = false) {
        self.keys = keys
        self.context = context
        self.command = command
        self.help = help
        self.isMutating = mutating
    }

    /// The keys as help shows them, e.g. "↓ j".
    public var keyLabel: String { keys.map(\.description).joined(separator: " ") }
}

/// One section of the help overlay.
public struct HelpSection: Sendable, Hashable {
    public let title: String
    public let entries: [HelpEntry]
}

/// One line of the help overlay.
public struct HelpEntry: Sendable, Hashable {
    public let keys: String
    public let help: String
}
