import SynqText

/// The bottom line: segments with priorities. When the line is too narrow the least
/// important segments go first, so the read-only marker, a 429 countdown and an error
/// are the last to disappear.
struct StatusBar {
    struct Segment {
        enum Side { case left, right }
        var text: String
        var role: StyleRole
        /// Higher survives longer.
        var priority: Int
        var side: Side = .left
        /// A shorter wording tried before the segment is dropped.
        var short: String? = nil
    }

    var segments: [Segment]

    func draw(into grid: inout Grid, y: Int) {
        grid.fill(x: 0, y: y, count: grid.width, role: .statusBar)
        var kept = segments.filter { !$0.text.isEmpty }
        func width(_ list: [Segment]) -> Int { list.reduce(0) { $0 + CharacterWidth.of($1.text) + 3 } }
        // The least important segment gives way first: its short form, then itself.
        while kept.count > 1, width(kept) > grid.width {
            guard let weakest = kept.indices.min(by: { kept[$0].priority < kept[$1].priority }) else { break }
            if let short = kept[weakest].short {
                kept[weakest].text = short
                kept[weakest].short = nil
            } else {
                kept.remove(at: weakest)
            }
        }
        var x = 0
        for (index, segment) in kept.filter({ $0.side == .left }).enumerated() {
            if index > 0, x < grid.width { x += grid.write(grid.glyphs.vertical, x: x, y: y, role: .statusBar) }
            let room = grid.width - x - 2
            guard room > 0 else { break }
            let text = TextLayout.truncate(segment.text, to: room, ellipsis: grid.glyphs.ellipsis)
            x += grid.write(" " + text + " ", x: x, y: y, role: segment.role, maxWidth: grid.width - x)
        }
        var right = grid.width
        for segment in kept.reversed() where segment.side == .right {
            let text = " " + segment.text + " "
            let columns = CharacterWidth.of(text)
            guard right - columns >= x else { break }
            right -= columns
            grid.write(text, x: right, y: y, role: segment.role)
        }
    }
}
