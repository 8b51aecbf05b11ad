/// What the TUI does when the journal sees an alarming change (see `AlertRule`): ring the
/// terminal bell, flash the status bar. From `[alerts]` in config.toml; both on by default.
public struct AlertSettings: Sendable, Hashable {
    public var bell: Bool
    public var flash: Bool

    public static let standard = AlertSettings(bell: true, flash: true)

    public init(bell: Bool, flash: Bool) {
        self.bell = bell
        self.flash = flash
    }
}
