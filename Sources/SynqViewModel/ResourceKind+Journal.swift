import SynqJournal

extension ResourceKind {
    /// The journal's name for the same resource.
    public var journalResource: JournalResource {
        switch self {
        case .synchronizers: .synchronizer
        case .preferences: .preferences
        case .keys: .synvoKey
        }
    }

    public init(_ resource: JournalResource) {
        switch resource {
        case .synchronizer: self = .synchronizers
        case .preferences: self = .preferences
        case .synvoKey: self = .keys
        }
    }
}
