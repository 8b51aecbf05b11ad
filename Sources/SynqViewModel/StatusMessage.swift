import Foundation

/// A line for the status bar, with its tone and when it was said.
public struct StatusMessage: Sendable, Hashable {
    /// The tone, which picks the colour.
    public enum Kind: Sendable, Hashable { case info, success, error }
    public var text: String
    public var kind: Kind
    public var at: Date
    /// The resource whose data the message is about ("3 synchronizers could not be read"):
    /// it goes away when that resource next loads cleanly, instead of staying like an error.
    public var resource: ResourceKind?

    public init(_ text: String, kind: Kind, at: Date, resource: ResourceKind? = nil) {
        self.text = text
        self.kind = kind
        self.at = at
        self.resource = resource
    }
}
