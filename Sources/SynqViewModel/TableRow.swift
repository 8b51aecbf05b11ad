import Foundation

/// A column of a view-model table: its header and whether the filter searches it.
public protocol TableColumn: CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// Header text.
    var title: String { get }
}

/// A row of a view-model table. Rows are plain values made from API models; the table
/// filters and sorts them without knowing which pane they belong to.
public protocol TableRow: Identifiable, Hashable, Sendable where ID == String {
    associatedtype Column: TableColumn
    /// The texts the filter matches against (the visible, searchable columns).
    var searchableTexts: [String] { get }
    /// Orders two rows by one column; `.orderedSame` leaves them in their current order.
    static func compare(_ lhs: Self, _ rhs: Self, by column: Column) -> ComparisonResult
    /// True when the row changed in a way worth highlighting after a poll.
    func differsVisibly(from previous: Self) -> Bool
}

/// The sort of a table: which column and which direction.
public struct SortOrder<Column: TableColumn>: Sendable, Hashable {
    public var column: Column
    public var ascending: Bool

    public init(column: Column, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    /// The next column in header order, ascending again.
    public func cycled() -> SortOrder {
        let all = Column.allCases
        let index = all.firstIndex(of: column) ?? 0
        return SortOrder(column: all[(index + 1) % all.count], ascending: true)
    }

    public func reversed() -> SortOrder { SortOrder(column: column, ascending: !ascending) }
}

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

/// Case-insensitive, diacritic-insensitive comparison of display text.
func compareText(_ lhs: String, _ rhs: String) -> ComparisonResult {
    lhs.compare(rhs, options: [.caseInsensitive, .diacriticInsensitive, .numeric])
}

/// Orders optional dates with missing ones last.
func compareDates(_ lhs: Date?, _ rhs: Date?) -> ComparisonResult {
    switch (lhs, rhs) {
    case let (l?, r?): l < r ? .orderedAscending : (l > r ? .orderedDescending : .orderedSame)
    case (nil, nil): .orderedSame
    case (nil, _): .orderedDescending
    case (_, nil): .orderedAscending
    }
}
