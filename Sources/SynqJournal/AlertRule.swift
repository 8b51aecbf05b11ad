/// Which changes deserve an alert in the TUI (bell, status-bar flash): a Synvo key that goes
/// REVOKED or DISABLED, and a synchronizer disabled from outside synq. A pure rule, so the
/// TUI and its tests agree on it.
public enum AlertRule {
    /// Key statuses that raise an alert.
    public static let alarmingKeyStatuses: Set<String> = ["REVOKED", "DISABLED"]

    public static func isAlert(_ event: JournalEvent) -> Bool {
        switch (event.resource, event.kind) {
        case (.synvoKey, .statusChanged):
            return event.newValue.map { alarmingKeyStatuses.contains($0.uppercased()) } ?? false
        case (.synchronizer, .disabled):
            return event.origin == .observed
        default:
            return false
        }
    }
}
