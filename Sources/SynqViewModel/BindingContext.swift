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
    /// A pane whose API has no key configured, or whose key the server refused.
    case unconfigured
    /// Typing in the filter field.
    case filter
    /// A text prompt (names, credentials).
    case prompt
    /// A yes/no question.
    case confirm
    /// The one-time Synvo key modal.
    case keyModal
    /// The detail view of one row.
    case detail
    /// The profile picker.
    case picker
    /// The help overlay.
    case help

    /// Section heading in the help overlay.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .table: "Tables"
        case .synchronizers: "Synchronizers"
        case .keys: "Synvo keys"
        case .unconfigured: "Pane without a working API key"
        case .filter: "Filter field"
        case .prompt: "Prompts"
        case .confirm: "Questions"
        case .keyModal: "New Synvo key"
        case .detail: "Row details"
        case .picker: "Profile picker"
        case .help: "Help"
        }
    }
}
