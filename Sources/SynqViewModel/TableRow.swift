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
    /// Where a table keeps rows of this type: an array unless the row says otherwise.
    associatedtype Storage: TableStorage = ArrayTableStorage<Self> where Storage.Row == Self
    /// The texts the filter matches against (the visible, searchable columns).
    var searchableTexts: [String] { get }
    /// What the row sorts by in one column. Computed once per row per sort, so sorting a
    /// million rows compares plain values.
    func sortKey(_ column: Column) -> SortKey
    /// True for the rows the status bar counts: enabled synchronizers, active keys.
    var isActive: Bool { get }
    /// True when the row changed in a way worth highlighting after a poll.
    func differsVisibly(from previous: Self) -> Bool
}
