import Foundation
import SynqAPI
import SynqViewModel
import SynqText

/// The frame shared by the table panes: a box titled with the count, sort and filter, and
/// inside it the table, or a centred line when there is nothing to show yet.
struct TablePane<Row: TableRow> {
    var title: String
    var noun: String
    var emptyHint: String
    var columns: [ColumnSpec<Row>]
    var sortColumn: Int?
    var isPending: (Row) -> Bool

    /// Draws the pane and returns (rows visible in the table, new scroll offset, where each
    /// drawn row is for the mouse, as rows of `pane`).
    func draw(_ table: TableState<Row>, pane: Pane, resource: ResourceState, configured: Bool, service: Service,
              readOnly: Bool, now: Date, into grid: inout Grid, rect: Rect, previousOffset: Int) -> (visible: Int, offset: Int, hits: HitMap) {
        let total = Count.text(table.all.count)
        var heading = "\(title) (\(table.isFiltered ? "\(Count.text(table.rows.count))/\(total)" : total))"
        if table.isFiltered || table.isEditingFilter { heading += " /" + (table.filter.text ?? "") }
        if table.isDeriving { heading += " " + (table.isFiltered ? "filtering" : "sorting") + grid.glyphs.ellipsis }
        if !table.marked.isEmpty { heading += " \(grid.glyphs.mark)\(Count.text(table.marked.count))" }
        let box = Box(rect: rect, title: heading)
        box.draw(into: &grid)
        let inside = box.interior
        guard inside.width > 0, inside.height > 0 else { return (0, 0, HitMap()) }

        if !configured {
            let variable = service == .enterprise ? "ENTERPRISE_API_KEY" : "SYNVO_API_KEY"
            CenteredText.draw([
                "No \(service.displayName) key configured.",
                "Press Enter to type one, or set \(variable).",
            ], into: &grid, rect: inside, role: .dim)
            return (0, 0, HitMap())
        }
        if table.all.isEmpty {
            let line: String
            switch resource.status {
            case .neverLoaded, .loading: line = "Loading \(noun)\(grid.glyphs.ellipsis)"
            case .stale(let error, _, _): line = "Could not load \(noun): \(error)"
            case .loaded: line = readOnly ? "No \(noun)." : emptyHint
            }
            CenteredText.draw([line], into: &grid, rect: inside, role: .dim)
            return (max(0, inside.height - 1), 0, HitMap())
        }
        let filter = table.appliedFilter
        var highlights: (@Sendable (String) -> [Range<Int>])?
        if !filter.isEmpty { highlights = { @Sendable text in filter.highlights(in: text) } }
        let view = TableView<Row>(columns: columns, sortColumn: sortColumn, sortAscending: table.sort.ascending, highlights: highlights)
        let visible = max(0, inside.height - 1)
        let offset = TableView<Row>.scrollOffset(previous: previousOffset, selected: table.selectedIndex, visible: visible, count: table.rows.count)
        if table.rows.isEmpty {
            view.draw(into: &grid, rect: inside, count: 0, offset: 0, selected: nil, row: { table.rows[$0] }, look: { _, _ in .init() })
            let why = filter.error ?? "no matches for \"\(filter.text)\""
            CenteredText.draw([why], into: &grid,
                              rect: Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1), role: .dim)
            return (visible, 0, HitMap())
        }
        let glyphs = grid.glyphs
        view.draw(into: &grid, rect: inside, count: table.rows.count, offset: offset, selected: table.selectedIndex,
                  row: { table.rows[$0] },
                  look: { _, row in
                      var look = TableView<Row>.RowLook()
                      let highlight = table.highlight(for: row.id).flatMap { $0.until > now ? $0 : nil }
                      if table.isMarked(row.id) {
                          look.markGlyph = glyphs.mark
                          look.role = .marked
                      }
                      if isPending(row) {
                          look.statusGlyph = glyphs.pending
                          look.role = .pending
                      } else if let highlight {
                          look.statusGlyph = highlight.change == .new ? "+" : glyphs.changed
                          look.role = .changed
                      }
                      return look
                  })
        var hits = HitMap()
        if let placement = TableView<Row>.placement(rect: inside, count: table.rows.count, offset: offset) {
            for index in placement.indices {
                hits.add(Rect(x: rect.x, y: placement.y(of: index), width: rect.width, height: 1), .row(id: table.rows[index].id, pane: pane))
            }
        }
        return (visible, offset, hits)
    }
}

/// Lines of text centred in a rectangle.
enum CenteredText {
    static func draw(_ lines: [String], into grid: inout Grid, rect: Rect, role: StyleRole) {
        guard rect.height > 0, rect.width > 0 else { return }
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < rect.y + rect.height {
            let clean = Grid.displayable(line, glyphs: grid.glyphs)
            let text = TextLayout.truncate(clean, to: rect.width, ellipsis: grid.glyphs.ellipsis)
            let x = rect.x + max(0, (rect.width - CharacterWidth.of(text)) / 2)
            grid.write(text, x: x, y: top + index, role: role, maxWidth: rect.width)
        }
    }
}
