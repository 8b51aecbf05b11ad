/// Everything a key can ask the view model to do. Keys map to commands through `KeyMap`;
/// the reducer acts on commands, so no command is ever a string.
public enum Command: Sendable, Hashable {
    // Panes
    case showPane(Pane)
    case nextPane
    case previousPane
    // Table navigation
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case moveToTop
    case moveToBottom
    // Table actions
    case toggleSelected
    case toggleMark
    /// Enable (true) or disable the marked rows, or the selected row when none is marked.
    case setMarked(enable: Bool)
    case markAllVisible
    case clearMarks
    case create
    case copyKey
    /// The selected item's history: the Events pane filtered to it.
    case showHistory
    /// Copy a field of the selected row (or of the row the detail view shows).
    case copyField(RowField)
    case showDetail
    case startFilter
    case cycleSort
    case reverseSort
    case refresh
    case enterCredential
    // Anywhere
    case toggleHelp
    case quit
    /// Open the profile picker.
    case pickProfile
    // Dialogs
    case confirm
    case deny
    case submit
    case cancel
    // One-time key modal
    case copySecret
    case saveSecret
    case revealSecret
}
