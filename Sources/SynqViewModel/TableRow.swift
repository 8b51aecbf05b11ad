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
    /// What the row sorts by in one column. Computed once per row per sort, so sorting a
    /// million rows compares plain values.
    func sortKey(_ column: Column) -> SortKey
    /// True when the row changed in a way worth highlighting after a poll.
    func differsVisibly(from previous: Self) -> Bool
}

/// The sort of a table: which column and which direction.
public struct TableSort<Column: TableColumn>: Sendable, Hashable {
    public var column: Column
    public var ascending: Bool

    public init(column: Column, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    /// The next column in header order, ascending again.
    public func cycled() -> TableSort {
        let all = Column.allCases
        let index = all.firstIndex(of: column) ?? 0
        return TableSort(column: all[(index + 1) % all.count], ascending: true)
    }

    public func reversed() -> TableSort { TableSort(column: column, ascending: !ascending) }
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

/// A sortable value of one cell: case-folded text, a time, or nothing (sorts last
/// ascending). Ties keep server order.
public enum SortKey: Sendable, Hashable, Comparable {
    case text(String)
    case time(Date)
    case missing

    /// Text compared without case.
    public static func folded(_ text: String) -> SortKey { .text(text.lowercased()) }

    /// A date, or `.missing`.
    public static func date(_ date: Date?) -> SortKey { date.map(SortKey.time) ?? .missing }
}
