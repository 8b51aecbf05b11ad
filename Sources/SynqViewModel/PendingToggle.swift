/// A toggle sent to the server: the state the row had before, to roll back on failure.
public struct PendingToggle: Sendable, Hashable {
    public var enable: Bool
    public var previous: Bool?

    public init(enable: Bool, previous: Bool?) {
        self.enable = enable
        self.previous = previous
    }
}
