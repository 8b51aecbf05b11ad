import SynqViewModel
import SynqText

/// The `?` overlay. It draws the sections `KeyMap.helpSections` writes for the pane's help
/// contexts (the same table that dispatches keys, so help cannot disagree with behaviour),
/// then a legend of the row marks, flowed into as many columns as fit. When it scrolls, its
/// own scroll keys are listed first. A description too long for its column wraps instead of
/// being cut; a section split across columns (or scrolled into) repeats its title. When everything does not fit, the overlay scrolls by
/// whole entries (`helpOffset` in the state) and says where it is.
enum HelpOverlay {
    /// One entry of the overlay: a section title (nil `keys`) or keys and what they do.
    struct Item: Hashable {
        var keys: String?
        var text: String
        /// Title of the section the entry belongs to (repeated when a column starts inside it).
        var section: String
        var keyRole: StyleRole = .helpKey
    }

    /// One drawn row of a column.
    struct Row: Hashable {
        var keys: String
        var text: String
        var keyRole: StyleRole
        var textRole: StyleRole
    }

    /// Column geometry for a width.
    struct Layout: Hashable {
        var columns: Int
        var columnWidth: Int
        var keyWidth: Int
        var textWidth: Int { max(1, columnWidth - keyWidth - 1) }
    }

    /// Title of the legend section.
    static let legendTitle = "Row marks"

    /// Everything the overlay lists for the state, in order. `scrolling` says whether the
    /// overlay's own scroll keys are worth listing.
    static func items(_ state: AppState, keyMap: KeyMap, glyphs: Glyphs, scrolling: Bool) -> [Item] {
        let ascii = !glyphs.unicode
        let contexts = state.helpContexts.filter { scrolling || $0 != .help }
        var result: [Item] = []
        var sections = keyMap.helpSections(for: contexts, readOnly: state.isReadOnly)
        // When help scrolls, its own keys come first: the first page says how to reach the rest.
        if let own = sections.firstIndex(where: { $0.title == BindingContext.help.title }) {
            sections.insert(sections.remove(at: own), at: 0)
        }
        for section in sections {
            result.append(Item(keys: nil, text: section.title, section: section.title))
            for entry in section.entries {
                result.append(Item(keys: entry.label(ascii: ascii), text: entry.help, section: section.title))
            }
        }
        if state.settings.mouse {
            result.append(Item(keys: nil, text: MouseHelp.title, section: MouseHelp.title))
            result += MouseHelp.entries.map { Item(keys: $0.gesture, text: $0.help, section: MouseHelp.title) }
        }
        let legend = legend(for: state.pane, readOnly: state.isReadOnly, glyphs: glyphs)
        if !legend.isEmpty {
            result.append(Item(keys: nil, text: legendTitle, section: legendTitle))
            result += legend
        }
        return result
    }

    /// What the marks in a table's gutter mean, drawn in the roles the table uses.
    static func legend(for pane: Pane, readOnly: Bool, glyphs: Glyphs) -> [Item] {
        func item(_ glyph: String, _ text: String, _ role: StyleRole) -> Item {
            Item(keys: glyph, text: text, section: legendTitle, keyRole: role)
        }
        switch pane {
        case .synchronizers:
            var items: [Item] = []
            if !readOnly { items.append(item(glyphs.mark, "Marked for e (enable) or d (disable)", .marked)) }
            items += [
                item("+", "New since the previous refresh", .changed),
                item(glyphs.changed, "Changed since the previous refresh", .changed),
            ]
            if !readOnly { items.append(item(glyphs.pending, "Waiting for the server", .pending)) }
            return items
        case .keys:
            return [
                item("+", "New since the previous refresh", .changed),
                item(glyphs.changed, "Changed since the previous refresh", .changed),
            ]
        case .preferences, .events:
            return []
        }
    }

    /// Column geometry for an overlay `width` × `height` cells: the fewest columns (so the
    /// fewest wrapped descriptions) that show everything at once, or as many columns of at
    /// least 36 cells as fit when nothing shows everything (the overlay then scrolls).
    static func layout(_ items: [Item], width: Int, height: Int) -> Layout {
        let most = max(1, min(4, (width + 2) / 38))
        for columns in 1..<most {
            let candidate = layout(items, width: width, columns: columns)
            if place(items[...], layout: candidate, height: height).shown == items.count { return candidate }
        }
        return layout(items, width: width, columns: most)
    }

    static func layout(_ items: [Item], width: Int, columns: Int) -> Layout {
        let columnWidth = max(1, (width - (columns - 1) * 2) / columns)
        let widest = items.compactMap { $0.keys.map { CharacterWidth.of($0) } }.max() ?? 6
        // Keys get what most need; a longer key list takes a row of its own above its text.
        let keyWidth = max(1, min(widest, 12, columnWidth / 2))
        return Layout(columns: columns, columnWidth: columnWidth, keyWidth: keyWidth)
    }

    /// The rows one item takes: the title, or the keys and text each wrapped to their width.
    static func rows(of item: Item, layout: Layout) -> [Row] {
        guard let keys = item.keys else {
            return [Row(keys: "", text: item.text, keyRole: .modalTitle, textRole: .modalTitle)]
        }
        let textLines = TextWrap.words(item.text, width: layout.textWidth)
        var rows = textLines.map { Row(keys: "", text: $0, keyRole: item.keyRole, textRole: .modal) }
        if CharacterWidth.of(keys) <= layout.keyWidth {
            rows[0].keys = keys
        } else {
            rows.insert(Row(keys: TextLayout.truncate(keys, to: layout.columnWidth), text: "", keyRole: item.keyRole, textRole: .modal), at: 0)
        }
        return rows
    }

    /// The title that starts a column which opens inside a section.
    static func continued(_ section: String) -> Row {
        Row(keys: "", text: section + " (cont.)", keyRole: .modalTitle, textRole: .modalTitle)
    }

    /// Flows `items` down `layout.columns` columns of `height` rows, as many whole items as
    /// fit: the columns' rows and how many items were placed. A title never ends a column;
    /// an entry never splits across columns (unless it is taller than a column); a column
    /// that starts inside a section begins with the section's title, marked as continued.
    static func place(_ items: ArraySlice<Item>, layout: Layout, height: Int) -> (columns: [[Row]], shown: Int) {
        guard height > 0 else { return ([], 0) }
        var columns: [[Row]] = [[]]
        var shown = 0
        for item in items {
            let itemRows = rows(of: item, layout: layout)
            var room = height - columns[columns.count - 1].count
            let isTitle = item.keys == nil
            // A title needs a row under it; an entry needs all of its rows.
            let needed = isTitle ? min(2, height) : min(itemRows.count, height)
            if room < needed, !columns[columns.count - 1].isEmpty {
                guard columns.count < layout.columns else { break }
                columns.append([])
                room = height
            }
            if !isTitle, columns[columns.count - 1].isEmpty, height > itemRows.count {
                columns[columns.count - 1].append(continued(item.section))
                room -= 1
            }
            columns[columns.count - 1] += itemRows.prefix(room)
            shown += 1
        }
        return (columns, shown)
    }

    /// The smallest offset from which every remaining item fits: scrolling further would
    /// only show less.
    static func maxOffset(_ items: [Item], layout: Layout, height: Int) -> Int {
        for offset in items.indices where place(items[offset...], layout: layout, height: height).shown == items.count - offset {
            return offset
        }
        return max(0, items.count - 1)
    }

    /// What the overlay lists in a `width` × `height` interior, and in which columns. The
    /// scroll keys are listed only when there is something to scroll.
    static func arrange(_ state: AppState, keyMap: KeyMap, glyphs: Glyphs, width: Int, height: Int) -> (items: [Item], layout: Layout) {
        let unscrolled = items(state, keyMap: keyMap, glyphs: glyphs, scrolling: false)
        let first = layout(unscrolled, width: width, height: height)
        if maxOffset(unscrolled, layout: first, height: height) == 0 { return (unscrolled, first) }
        let all = items(state, keyMap: keyMap, glyphs: glyphs, scrolling: true)
        return (all, layout(all, width: width, height: height))
    }

    /// Draws the overlay scrolled to `state.helpOffset` (clamped to what exists) and returns
    /// what fits, for the view model to page and clamp by.
    @discardableResult
    static func draw(_ state: AppState, keyMap: KeyMap, into grid: inout Grid, rect: Rect) -> HelpViewport {
        let unicode = grid.glyphs.unicode
        let closeHint = unicode ? "Help · ? or Esc closes" : "Help - ? or Esc closes"
        let box = Box(rect: rect, title: closeHint + (state.isReadOnly ? (unicode ? " · read-only" : " - read-only") : ""), fillRole: .modal)
        box.draw(into: &grid)
        let inside = box.interior
        guard inside.width > 4, inside.height > 0 else { return HelpViewport(page: 1, maxOffset: 0) }
        let (all, layout) = arrange(state, keyMap: keyMap, glyphs: grid.glyphs, width: inside.width, height: inside.height)
        let lastOffset = maxOffset(all, layout: layout, height: inside.height)
        let offset = min(max(0, state.helpOffset), lastOffset)
        let window = place(all[offset...], layout: layout, height: inside.height)
        for (column, rows) in window.columns.enumerated() {
            let x = inside.x + column * (layout.columnWidth + 2)
            for (index, row) in rows.enumerated() {
                let y = inside.y + index
                if row.keys.isEmpty && row.keyRole == .modalTitle {
                    grid.write(TextLayout.truncate(row.text, to: layout.columnWidth, ellipsis: grid.glyphs.ellipsis), x: x, y: y,
                               role: .modalTitle, maxWidth: layout.columnWidth)
                    continue
                }
                grid.write(row.keys, x: x, y: y, role: row.keyRole, maxWidth: row.text.isEmpty ? layout.columnWidth : layout.keyWidth)
                grid.write(row.text, x: x + layout.keyWidth + 1, y: y, role: row.textRole, maxWidth: layout.textWidth)
            }
        }
        if lastOffset > 0 {
            ScrollMark.draw(first: offset + 1, last: offset + window.shown, of: all.count, box: box, into: &grid)
        }
        return HelpViewport(page: max(1, window.shown), maxOffset: lastOffset)
    }
}
