import Foundation

/// Knobs of the live behaviour, fixed at start (from flags and config).
public struct ViewModelSettings: Sendable, Hashable {
    /// Poll interval of the visible pane (`--refresh`), seconds.
    public var refreshInterval: TimeInterval
    /// Cap of the failure back-off, seconds.
    public var maxBackoff: TimeInterval
    /// How long a changed or new row stays highlighted, seconds.
    public var highlightDuration: TimeInterval
    /// How long info and success messages stay in the status bar, seconds (errors stay).
    public var messageDuration: TimeInterval
    /// Folder where `w` saves a new Synvo key.
    public var saveDirectory: String
    /// True under `--readonly`.
    public var readOnly: Bool
    /// True when the TUI may ask for a missing API key (a client factory is available).
    public var canAskForCredentials: Bool
    /// Resources polled whatever pane is visible (a headless watcher); nil: the visible pane's only.
    public var polledResources: Set<ResourceKind>?
    /// Bell and status-bar flash for alarming changes (`[alerts]` in config.toml).
    public var alerts: AlertSettings
    /// Clicks and the wheel act (false under `--no-mouse`; the terminal then leaves them to the emulator).
    public var mouse: Bool

    public init(refreshInterval: TimeInterval = 5, maxBackoff: TimeInterval = 60, highlightDuration: TimeInterval = 3,
                messageDuration: TimeInterval = 6, saveDirectory: String = ".", readOnly: Bool = false,
                canAskForCredentials: Bool = false, polledResources: Set<ResourceKind>? = nil,
                alerts: AlertSettings = .standard, mouse: Bool = true) {
        self.refreshInterval = max(1, refreshInterval)
        self.maxBackoff = max(self.refreshInterval, maxBackoff)
        self.highlightDuration = highlightDuration
        self.messageDuration = messageDuration
        self.saveDirectory = saveDirectory
        self.readOnly = readOnly
        self.canAskForCredentials = canAskForCredentials
        self.polledResources = polledResources
        self.alerts = alerts
        self.mouse = mouse
    }
}
