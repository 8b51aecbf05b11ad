import SynqAPI

/// The three tabs of the TUI, in tab order (`1` `2` `3`).
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case synchronizers = 1
    case preferences = 2
    case keys = 3

    /// Tab title.
    public var title: String {
        switch self {
        case .synchronizers: "Synchronizers"
        case .preferences: "Preferences"
        case .keys: "Synvo keys"
        }
    }

    /// The remote resource this pane shows.
    public var resource: ResourceKind {
        switch self {
        case .synchronizers: .synchronizers
        case .preferences: .preferences
        case .keys: .keys
        }
    }

    /// The API that serves this pane's data.
    public var service: Service { resource.service }

    /// Next tab, wrapping around.
    public var next: Pane { Pane(rawValue: rawValue % 3 + 1) ?? .synchronizers }
    /// Previous tab, wrapping around.
    public var previous: Pane { Pane(rawValue: (rawValue + 1) % 3 + 1) ?? .synchronizers }
}
