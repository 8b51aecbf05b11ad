/// One rendered screen: the grid, where the text cursor goes (nil hides it), and how
/// many table rows are visible (the view model pages by it).
public struct Frame: Sendable, Hashable {
    public var grid: Grid
    public var cursor: Cursor?
    public var tableRows: Int

    public struct Cursor: Sendable, Hashable {
        public var x: Int
        public var y: Int
    }

    public init(grid: Grid, cursor: Cursor? = nil, tableRows: Int = 0) {
        self.grid = grid
        self.cursor = cursor
        self.tableRows = tableRows
    }
}
