import Foundation

/// A line for the status bar, with its tone and when it was said.
public struct StatusMessage: Sendable, Hashable {
    /// The tone, which picks the colour.
    public enum Kind: Sendable, Hashable { case info, success, error }
    public var text: String
    public var kind: Kind
    public var at: Date

    public init(_ text: String, kind: Kind, at: Date) {
        self.text = text
        self.kind = kind
        self.at = at
    }
}
