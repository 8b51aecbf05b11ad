import SynqViewModel

/// One rendered screen: the grid, where the text cursor goes (nil hides it), how many
/// table rows are visible (the view model pages by it) and, with help or the detail view
/// open, how much of it fits (the view model scrolls the overlay by it).
public struct Frame: Sendable, Hashable {
    public var grid: Grid
    public var cursor: Cursor?
    public var tableRows: Int
    public var helpViewport: HelpViewport?
    /// Alerts raised so far (`AppState.journal.alertCount`): the terminal rings its bell when it grows.
    public var bells: Int
    /// Where the tabs and table rows are, for the mouse.
    public var hits: HitMap

    public struct Cursor: Sendable, Hashable {
        public var x: Int
        public var y: Int
    }

    public init(grid: Grid, cursor: Cursor? = nil, tableRows: Int = 0, helpViewport: HelpViewport? = nil, bells: Int = 0,
                hits: HitMap = HitMap()) {
        self.grid = grid
        self.cursor = cursor
        self.tableRows = tableRows
        self.helpViewport = helpViewport
        self.bells = bells
        self.hits = hits
    }
}
