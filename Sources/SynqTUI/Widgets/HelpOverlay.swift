import SynqViewModel

/// The `?` overlay, written from the same `KeyMap` that dispatches keys: the sections
/// that matter for the current pane, flowed into as many columns as fit.
enum HelpOverlay {
    /// Contexts worth listing for a pane, in key-table order.
    static func contexts(for state: AppState) -> [BindingContext] {
        var wanted: Set<BindingContext> = [.global, .prompt, .confirm]
        if !state.isConfigured(state.pane) { wanted.insert(.unconfigured) }
        switch state.pane {
        case .synchronizers: wanted.formUnion([.table, .synchronizers, .filter])
        case .keys: wanted.formUnion([.table, .keys, .filter, .keyModal])
        case .preferences: break
        }
        return BindingContext.allCases.filter { wanted.contains($0) }
    }

    /// Lines of the overlay: (keys, help) pairs, with a nil `keys` for a section title.
    static func lines(keyMap: KeyMap, state: AppState, ascii: Bool) -> [(keys: String?, text: String)] {
        var result: [(String?, String)] = []
        for context in contexts(for: state) {
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

    static func draw(_ state: AppState, keyMap: KeyMap, into grid: inout Grid, rect: Rect) {
        let closeHint = grid.glyphs.unicode ? "Help · ? or Esc closes" : "Help - ? or Esc closes"
        let box = Box(rect: rect, title: closeHint + (state.isReadOnly ? " · read-only" : ""), fillRole: .modal)
        box.draw(into: &grid)
        let inside = box.interior
        guard inside.width > 4, inside.height > 0 else { return }
        let all = lines(keyMap: keyMap, state: state, ascii: !grid.glyphs.unicode)
        let columnCount = max(1, min(3, (inside.width + 2) / 38))
        let columnWidth = (inside.width - (columnCount - 1) * 2) / columnCount
        let keyWidth = min(14, max(6, all.compactMap { $0.keys.map { CharacterWidth.of($0) } }.max() ?? 6))
        let capacity = columnCount * inside.height
        var shown = all
        var truncated = false
        if shown.count > capacity {
            shown = Array(shown.prefix(max(0, capacity - 1)))
            truncated = true
        }
        // A section title never sits alone at the bottom of a column.
        var placed: [(keys: String?, text: String)?] = []
        for line in shown {
            if line.keys == nil, placed.count % inside.height == inside.height - 1, inside.height > 1 { placed.append(nil) }
            placed.append(line)
        }
        if placed.count > capacity - (truncated ? 1 : 0) {
            placed = Array(placed.prefix(max(0, capacity - 1)))
            truncated = true
        }
        for (index, entry) in placed.enumerated() {
            guard let entry else { continue }
            let column = index / inside.height
            let row = index % inside.height
            let x = inside.x + column * (columnWidth + 2)
            let y = inside.y + row
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
        if truncated {
            let more = "\(grid.glyphs.ellipsis) more: enlarge the terminal"
            grid.write(TextLayout.truncate(more, to: inside.width, ellipsis: grid.glyphs.ellipsis),
                       x: inside.x + (columnCount - 1) * (columnWidth + 2), y: inside.y + inside.height - 1, role: .dim, maxWidth: columnWidth)
        }
    }
}
