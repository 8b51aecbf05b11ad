/// One synchronizer to switch, with the state it should get.
public struct ToggleTarget: Sendable, Hashable {
    public var id: String
    public var name: String
    public var enable: Bool

    public init(id: String, name: String, enable: Bool) {
        self.id = id
        self.name = name
        self.enable = enable
    }
}

/// The y/n question for a toggle: one disabling, or a whole set of marked rows.
public struct ToggleConfirmation: Sendable, Hashable {
    public var targets: [ToggleTarget]
    /// True when the targets are the marked rows (marks clear after confirming).
    public var isBulk: Bool

    public init(targets: [ToggleTarget], isBulk: Bool) {
        self.targets = targets
        self.isBulk = isBulk
    }

    /// The question, e.g. `Disable "prod-1"? (y/n)` or `Toggle 3 marked synchronizers (2 to disable, 1 to enable)? (y/n)`.
    public var question: String {
        if !isBulk, let only = targets.first, targets.count == 1 {
            return "\(only.enable ? "Enable" : "Disable") \"\(only.name)\"? (y/n)"
        }
        let disabling = targets.filter { !$0.enable }.count
        let enabling = targets.count - disabling
        var parts: [String] = []
        if disabling > 0 { parts.append("\(disabling) to disable") }
        if enabling > 0 { parts.append("\(enabling) to enable") }
        return "Toggle \(targets.count) marked synchronizer\(targets.count == 1 ? "" : "s") (\(parts.joined(separator: ", ")))? (y/n)"
    }
}
