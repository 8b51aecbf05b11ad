import SynqAPI

/// A remote collection the view model polls.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable {
    case synchronizers
    case preferences
    case keys

    public var service: Service {
        switch self {
        case .synchronizers, .preferences: .enterprise
        case .keys: .synvo
        }
    }

    public var pane: Pane {
        switch self {
        case .synchronizers: .synchronizers
        case .preferences: .preferences
        case .keys: .keys
        }
    }
}
