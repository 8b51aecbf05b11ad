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
