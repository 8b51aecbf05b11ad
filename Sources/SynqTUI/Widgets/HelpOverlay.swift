import SynqViewModel
import SynqText

/// The `?` overlay, written from the same `KeyMap` that dispatches keys: the sections
/// that matter for the current pane, flowed into as many columns as fit. When they do not
/// fit, the overlay scrolls (`helpOffset` in the state) and says where it is.
enum HelpOverlay {
    /// Contexts worth listing for a pane, in key-table order.
    static func contexts(for state: AppState) -> [BindingContext] {
        var wanted: Set<BindingContext> = [.global, .prompt, .confirm, .help]
        if !state.isConfigured(state.pane) { wanted.insert(.unconfigured) }
        switch state.pane {
        case .synchronizers: wanted.formUnion([.table, .synchronizers, .filter])
        case .keys: wanted.formUnion([.table, .keys, .filter, .keyModal])
        case .events: wanted.formUnion([.table, .filter])
        case .preferences: break
        }
        return BindingContext.allCases.filter { wanted.contains($0) }
    }

    /// Lines of the overlay: (keys, help) pairs, with a nil `keys` for a section title.
    /// `scrolling` says whether the overlay's own scroll keys are worth listing.
    static func lines(keyMap: KeyMap, state: AppState, ascii: Bool, scrolling: Bool = true) -> [Line] {
        var result: [Line] = []
        for context in contexts(for: state) where scrolling || context != .help {
            let bindings = keyMap.bindings.filter { $0.context == context && !(state.isReadOnly && $0.isMutating) }
            guard !bindings.isEmpty else { continue }
            result.append((nil, context.title))
            for binding in bindings {
                let keys = binding.keys.map { ascii ? $0.asciiDescription : $0.description }.joined(separator: " ")
                result.append((keys, binding.help))
            }
        }
        return result
    }

    /// One line of the overlay: keys and help, or a section title (nil `keys`).
    typealias Line = (keys: String?, text: String)

    /// Draws the overlay scrolled to `state.helpOffset` (clamped to what exists) and returns
    /// what fits, for the view model to page and clamp by.
    @discardableResult
    static func draw(_ state: AppState, keyMap: KeyMap, into grid: inout Grid, rect: Rect) -> HelpViewport {
        let closeHint = grid.glyphs.unicode ? "Help · ? or Esc closes" : "Help - ? or Esc closes"
        let box = Box(rect: rect, title: closeHint + (state.isReadOnly ? " · read-only" : ""), fillRole: .modal)
        box.draw(into: &grid)
        let inside = box.interior
        guard inside.width > 4, inside.height > 0 else { return HelpViewport(page: 1, maxOffset: 0) }
        let columnCount = max(1, min(3, (inside.width + 2) / 38))
        // The scroll keys are listed only when there is something to scroll.
        let unscrolled = lines(keyMap: keyMap, state: state, ascii: !grid.glyphs.unicode, scrolling: false)
        let fits = maxOffset(unscrolled, columns: columnCount, rows: inside.height) == 0
        let all = fits ? unscrolled : lines(keyMap: keyMap, state: state, ascii: !grid.glyphs.unicode)
        let columnWidth = (inside.width - (columnCount - 1) * 2) / columnCount
        let keyWidth = min(14, max(6, all.compactMap { $0.keys.map { CharacterWidth.of($0) } }.max() ?? 6))
        let lastOffset = maxOffset(all, columns: columnCount, rows: inside.height)
        let offset = min(max(0, state.helpOffset), lastOffset)
        let window = place(all[offset...], columns: columnCount, rows: inside.height)
        for (index, entry) in window.slots.enumerated() {
            guard let entry else { continue }
            let x = inside.x + index / inside.height * (columnWidth + 2)
            let y = inside.y + index % inside.height
            if let keys = entry.keys {
                grid.write(TextLayout.fit(keys, to: keyWidth, ellipsis: grid.glyphs.ellipsis), x: x, y: y, role: .helpKey, maxWidth: keyWidth)
                let textWidth = columnWidth - keyWidth - 1
                if textWidth > 0 {
                    grid.write(TextLayout.truncate(entry.text, to: textWidth, ellipsis: grid.glyphs.ellipsis), x: x + keyWidth + 1, y: y, role: .modal, maxWidth: textWidth)
                }
            } else {
                grid.write(TextLayout.truncate(entry.text, to: columnWidth, ellipsis: grid.glyphs.ellipsis), x: x, y: y, role: .modalTitle, maxWidth: columnWidth)
            }
        }
        if lastOffset > 0 {
            drawPosition(first: offset + 1, last: offset + window.shown, of: all.count, box: box, into: &grid)
        }
        // A page is what fits less the (at most one) blank line each column break can cost,
        // so PgDn never skips a line.
        return HelpViewport(page: columnCount * inside.height - (columnCount - 1), maxOffset: lastOffset)
    }

    /// Flows `lines` down `columns` columns of `rows` rows, as many as fit: `slots` in
    /// column order (nil is a blank row) and how many lines were placed. A section title
    /// never sits alone at the bottom of a column.
    static func place(_ lines: ArraySlice<Line>, columns: Int, rows: Int) -> (slots: [Line?], shown: Int) {
        let capacity = columns * rows
        var slots: [Line?] = []
        var shown = 0
        for line in lines {
            if line.keys == nil, rows > 1, slots.count % rows == rows - 1 { slots.append(nil) }
            guard slots.count < capacity else { break }
            slots.append(line)
            shown += 1
        }
        return (slots, shown)
    }

    /// The smallest offset from which every remaining line fits: scrolling further would
    /// only show less.
    static func maxOffset(_ lines: [Line], columns: Int, rows: Int) -> Int {
        for offset in lines.indices where place(lines[offset...], columns: columns, rows: rows).shown == lines.count - offset {
            return offset
        }
        return max(0, lines.count - 1)
    }

    /// "↓ more · lines 1–6 of 42" set into the bottom border, right-aligned.
    static func drawPosition(first: Int, last: Int, of total: Int, box: Box, into grid: inout Grid) {
        let unicode = grid.glyphs.unicode
        let range = "lines \(first)\(unicode ? "–" : "-")\(last) of \(total)"
        let text: String
        switch (first > 1, last < total) {
        case (false, _): text = (unicode ? "↓ more · " : "v more - ") + range
        case (true, true): text = (unicode ? "↑↓ " : "^v ") + range
        case (true, false): text = (unicode ? "↑ " : "^ ") + range
        }
        let room = box.rect.width - 4
        guard room > 0 else { return }
        let label = TextLayout.truncate(" " + text + " ", to: room, ellipsis: grid.glyphs.ellipsis)
        let x = box.rect.x + box.rect.width - 2 - CharacterWidth.of(label)
        grid.write(label, x: x, y: box.rect.y + box.rect.height - 1, role: .dim)
    }
}
