import Foundation

/// A column of a view-model table; its row type defines it (`TableRow.definition`).
public protocol TableColumn: CaseIterable, Hashable, Sendable where AllCases == [Self] {}

/// A row of a view-model table. Rows are plain values made from API models; the table
/// filters and sorts them without knowing which pane they belong to.
public protocol TableRow: Identifiable, Hashable, Sendable where ID == String {
    associatedtype Column: TableColumn
    /// Where a table keeps rows of this type: an array unless the row says otherwise.
    associatedtype Storage: TableStorage = ArrayTableStorage<Self> where Storage.Row == Self
    /// Title, width, cell text, style, sort key and search text of a column: the one
    /// definition the panes and the headless tables read. Sort keys are computed once per
    /// row per sort, so sorting a million rows compares plain values.
    static func definition(_ column: Column) -> ResourceColumn<Self>
    /// True for the rows the status bar counts: enabled synchronizers, active keys.
    var isActive: Bool { get }
    /// True when the row changed in a way worth highlighting after a poll.
    func differsVisibly(from previous: Self) -> Bool
}
