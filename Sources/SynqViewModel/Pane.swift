import SynqAPI

/// The tabs of the TUI, in tab order (`1` `2` `3` `4`).
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case synchronizers = 1
    case preferences = 2
    case keys = 3
    /// What the journal saw change (fleet memory); no remote resource of its own.
    case events = 4

    /// Tab title.
    public var title: String {
        switch self {
        case .synchronizers: "Synchronizers"
        case .preferences: "Preferences"
        case .keys: "Synvo keys"
        case .events: "Events"
        }
    }

    /// The remote resource this pane shows (nil for the Events pane).
    public var resource: ResourceKind? {
        switch self {
        case .synchronizers: .synchronizers
        case .preferences: .preferences
        case .keys: .keys
        case .events: nil
        }
    }

    /// The API that serves this pane's data (nil for the Events pane).
    public var service: Service? { resource?.service }

    /// Next tab, wrapping around.
    public var next: Pane { Pane(rawValue: rawValue % Self.allCases.count + 1) ?? .synchronizers }
    /// Previous tab, wrapping around.
    public var previous: Pane { Pane(rawValue: (rawValue + Self.allCases.count - 2) % Self.allCases.count + 1) ?? .synchronizers }
}
