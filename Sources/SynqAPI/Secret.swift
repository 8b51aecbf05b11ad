import Foundation

/// A credential that must never be printed. Its `description` is a mask, so string
/// interpolation, logging and `dump` cannot leak it; only `reveal()` gives the value,
/// and each call site of it is a place that sends or stores the secret on purpose.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, ExpressibleByStringLiteral {
    private let value: String

    public init(_ value: String) { self.value = value }
    public init(stringLiteral value: String) { self.value = value }

    public func reveal() -> String { value }

    public var isEmpty: Bool { value.isEmpty }

    /// One bullet per character, capped so the length of a long key is not shown exactly.
    public var masked: String { String(repeating: "•", count: min(max(value.count, 8), 16)) }

    public var description: String { "<secret>" }
    public var debugDescription: String { "<secret>" }
}
