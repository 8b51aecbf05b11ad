import SynqText

/// Draws a table: header line, then the visible slice of rows with a three-cell gutter
/// (mark, then pending/changed), the selected row highlighted. Only rows inside the
/// viewport are read, so a million-row table costs the same as a ten-row one.
public struct TableView<Row>: Sendable {
    /// Per-row decoration the pane supplies.
    public struct RowLook: Sendable, Hashable {
        public var role: StyleRole
        public var markGlyph: String?
        public var statusGlyph: String?
        public init(role: StyleRole = .base, markGlyph: String? = nil, statusGlyph: String? = nil) {
            self.role = role
            self.markGlyph = markGlyph
            self.statusGlyph = statusGlyph
        }
    }

    public var columns: [ColumnSpec<Row>]
    /// Index in `columns` of the sorted column and its direction, for the header arrow.
    public var sortColumn: Int?
    public var sortAscending: Bool
    /// Where the filter matches a cell's text (UTF-8 offsets); those cells of searchable
    /// columns are drawn in the filter's style.
    public var highlights: (@Sendable (String) -> [Range<Int>])?

    public init(columns: [ColumnSpec<Row>], sortColumn: Int? = nil, sortAscending: Bool = true,
                highlights: (@Sendable (String) -> [Range<Int>])? = nil) {
        self.columns = columns
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
        self.highlights = highlights
    }

    static var gutterWidth: Int { 3 }

    /// Draws into `rect`. `row(i)` is called only for visible indices.
    public func draw(into grid: inout Grid, rect: Rect, count: Int, offset: Int, selected: Int?,
                     row: (Int) -> Row, look: (Int, Row) -> RowLook) {
        guard let placement = Self.placement(rect: rect, count: count, offset: offset) else { return }
        let visible = rect.height - 1
        let (first, last) = (placement.indices.lowerBound, placement.indices.upperBound)
        // Each column's natural width: its title or the widest text among the rows on screen.
        var natural = columns.map { CharacterWidth.of($0.title) + 1 }
        for index in first..<last {
            let value = row(index)
            for (position, column) in columns.enumerated() {
                natural[position] = max(natural[position], CharacterWidth.of(Grid.displayable(column.text(value), glyphs: grid.glyphs)))
            }
        }
        let layout = ColumnLayout.fit(columns, into: rect.width - Self.gutterWidth, natural: natural)
        drawHeader(into: &grid, rect: rect, layout: layout)
        guard visible > 0, count > 0 else { return }
        for index in first..<last {
            let y = placement.y(of: index)
            let value = row(index)
            var decoration = look(index, value)
            let isSelected = index == selected
            if isSelected { decoration.role = .selection }
            grid.fill(x: rect.x, y: y, count: rect.width, role: decoration.role)
            // An empty mark cell is part of its row: `marked` is underlined in some themes.
            let markRole: StyleRole = isSelected ? .selection : (decoration.markGlyph == nil ? decoration.role : .marked)
            grid.write(decoration.markGlyph ?? " ", x: rect.x, y: y, role: markRole, maxWidth: 1)
            grid.write(decoration.statusGlyph ?? " ", x: rect.x + 1, y: y, role: decoration.role, maxWidth: 1)
            var x = rect.x + Self.gutterWidth
            for (position, columnIndex) in layout.indices.enumerated() {
                let column = columns[columnIndex]
                let width = layout.widths[position]
                let raw = Grid.displayable(column.text(value), glyphs: grid.glyphs)
                let text = column.fit(raw, to: width, ellipsis: grid.glyphs.ellipsis)
                let role = isSelected ? .selection : (column.role(value) ?? decoration.role)
                grid.write(text, x: x, y: y, role: role, maxWidth: width)
                if column.searchable, !isSelected, let highlights { Self.highlight(text, highlights(text), x: x, y: y, width: width, in: &grid) }
                x += width + 1
            }
        }
    }

    /// Restyles the cells of `text` (drawn at x) that lie in `ranges` (UTF-8 offsets).
    private static func highlight(_ text: String, _ ranges: [Range<Int>], x: Int, y: Int, width: Int, in grid: inout Grid) {
        guard !ranges.isEmpty else { return }
        var offset = 0
        var column = x
        for character in text {
            let bytes = character.utf8.count
            let columns = max(1, CharacterWidth.of(character))
            if column + columns > x + width { break }
            if ranges.contains(where: { $0.overlaps(offset..<(offset + bytes)) }) {
                for cell in column..<(column + columns) where grid.contains(x: cell, y: y) { grid[cell, y].role = .filter }
            }
            offset += bytes
            column += columns
        }
    }

    private func drawHeader(into grid: inout Grid, rect: Rect, layout: ColumnLayout) {
        grid.fill(x: rect.x, y: rect.y, count: rect.width, role: .header)
        var x = rect.x + Self.gutterWidth
        let arrow = sortAscending ? (grid.glyphs.unicode ? "↑" : "^") : (grid.glyphs.unicode ? "↓" : "v")
        for (position, columnIndex) in layout.indices.enumerated() {
            let column = columns[columnIndex]
            let width = layout.widths[position]
            let title = columnIndex == sortColumn ? column.title + arrow : column.title
            let text = TextLayout.fit(title, to: width, alignment: column.alignment, ellipsis: grid.glyphs.ellipsis)
            grid.write(text, x: x, y: rect.y, role: .header, maxWidth: width)
            x += width + 1
        }
    }

    /// The first visible row so that `selected` is in view, moving as little as possible
    /// from `previous` (so scrolling up does not jump the window).
    public static func scrollOffset(previous: Int, selected: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        var offset = min(max(0, previous), count - visible)
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        return max(0, min(offset, count - visible))
    }
}
