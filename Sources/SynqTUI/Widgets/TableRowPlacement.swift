/// Which rows a table shows and on which lines. `TableView` draws by it and the pane's hit
/// map records clicks by it, so what a click selects is the row drawn there.
struct TableRowPlacement: Sendable, Hashable {
    /// The table's rectangle: the header on its first line, the rows below.
    var rect: Rect
    /// Row indices on screen, the first one on the line under the header.
    var indices: Range<Int>

    init(rect: Rect, count: Int, offset: Int) {
        self.rect = rect
        let visible = rect.height - 1
        let first = max(0, min(offset, max(0, count - 1)))
        indices = first..<(visible > 0 ? min(count, first + visible) : first)
    }

    /// The line row `index` is drawn on.
    func y(of index: Int) -> Int { rect.y + 1 + index - indices.lowerBound }
}

extension TableView {
    /// Where the rows go, or nil when `rect` is too small for the table to draw at all.
    static func placement(rect: Rect, count: Int, offset: Int) -> TableRowPlacement? {
        guard rect.width > gutterWidth, rect.height > 0 else { return nil }
        return TableRowPlacement(rect: rect, count: count, offset: offset)
    }
}
