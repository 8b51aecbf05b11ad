/// One row of the key table: which keys, where, what they do, and the help text.
/// The same value dispatches the key and writes its line in the `?` overlay.
public struct KeyBinding: Sendable, Hashable {
    public let keys: [KeyPress]
    public let context: BindingContext
    public let command: Command
    public let help: String
    /// True when the command changes something on a server (or only prepares such a change,
    /// like marking rows); unbound under `--readonly`.
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
