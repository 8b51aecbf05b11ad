/// What a cell means, not how it looks: a theme maps each role to colours and attributes,
/// so panes never name a colour and a theme file can restyle every part of the screen.
public enum StyleRole: String, Sendable, Hashable, CaseIterable, Codable {
    case base
    case dim
    case border
    case title
    case tabActive = "tab-active"
    case tabInactive = "tab-inactive"
    case header
    case selection
    case marked
    case changed
    case pending
    case enabled
    case disabled
    case keyActive = "key-active"
    case keyRevoked = "key-revoked"
    case keyDisabled = "key-disabled"
    case keyUnknown = "key-unknown"
    case statusBar = "status-bar"
    case statusError = "status-error"
    case statusWarning = "status-warning"
    case statusInfo = "status-info"
    case readonly
    case helpKey = "help-key"
    case modal
    case modalTitle = "modal-title"
    case secret
    case prompt
    case input
    case filter
}
