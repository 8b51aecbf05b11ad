import Foundation

/// One difference between two polls of the same list, before it is stamped with a time,
/// profile and origin.
public struct FleetChange: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var kind: EventKind
    public var oldValue: String?
    public var newValue: String?

    public init(id: String, name: String?, kind: EventKind, oldValue: String?, newValue: String?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
