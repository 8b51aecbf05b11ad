import Foundation

/// Why a row is highlighted after a poll.
public enum RowChange: Sendable, Hashable {
    /// The row appeared since the previous poll (or was just created).
    case new
    /// Its name, state or status changed since the previous poll.
    case changed
}

/// A highlight on one row, shown until `until`.
public struct RowHighlight: Sendable, Hashable {
    public var change: RowChange
    public var until: Date

    public init(change: RowChange, until: Date) {
        self.change = change
        self.until = until
    }
}
