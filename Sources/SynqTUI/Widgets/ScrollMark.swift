import SynqText

/// Where a scrolled box is, set into its bottom border, right-aligned: "↓ more · lines 1–6
/// of 42" at the top, "↑↓ lines 7–12 of 42" in the middle, "↑ lines 37–42 of 42" at the
/// end ("v more", "^v", "^" without Unicode). Help and the detail view both draw it.
enum ScrollMark {
    static func draw(first: Int, last: Int, of total: Int, box: Box, into grid: inout Grid) {
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
