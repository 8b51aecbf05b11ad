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
