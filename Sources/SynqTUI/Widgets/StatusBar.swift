import SynqText

/// The bottom line: segments on the left (separated by a bar) and on the right (aligned to
/// the edge), each with a priority. When the line is too narrow, segments take their short
/// wording, least important first, and only then are the least important dropped, so the
/// read-only marker, a 429 countdown, an error and the `? help` hint are the last to go.
/// Widths are measured exactly as drawn, so nothing is cut by the edge instead.
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

    /// Columns the segments take when drawn: " text " each, one separator between left
    /// segments, and one blank column between the two sides.
    static func width(of segments: [Segment]) -> Int {
        let left = segments.filter { $0.side == .left }
        let right = segments.filter { $0.side == .right }
        let texts = segments.reduce(0) { $0 + CharacterWidth.of($1.text) + 2 }
        return texts + max(0, left.count - 1) + (left.isEmpty || right.isEmpty ? 0 : 1)
    }

    /// The segments that fit `width`, with the wording each gets.
    static func fit(_ segments: [Segment], width: Int) -> [Segment] {
        var kept = segments.filter { !$0.text.isEmpty }
        while Self.width(of: kept) > width {
            if let weakest = kept.indices.filter({ kept[$0].short != nil }).min(by: { kept[$0].priority < kept[$1].priority }) {
                kept[weakest].text = kept[weakest].short ?? kept[weakest].text
                kept[weakest].short = nil
            } else if kept.count > 1, let weakest = kept.indices.min(by: { kept[$0].priority < kept[$1].priority }) {
                kept.remove(at: weakest)
            } else {
                break
            }
        }
        return kept
    }

    func draw(into grid: inout Grid, y: Int) {
        grid.fill(x: 0, y: y, count: grid.width, role: .statusBar)
        let kept = Self.fit(segments, width: grid.width)
        var right = grid.width
        for segment in kept.reversed() where segment.side == .right {
            let text = " " + segment.text + " "
            let columns = CharacterWidth.of(text)
            guard right - columns >= 0 else { break }
            right -= columns
            grid.write(text, x: right, y: y, role: segment.role)
        }
        var x = 0
        let limit = right < grid.width ? right - 1 : grid.width
        for (index, segment) in kept.filter({ $0.side == .left }).enumerated() {
            if index > 0, x < limit { x += grid.write(grid.glyphs.vertical, x: x, y: y, role: .statusBar) }
            let room = limit - x - 2
            guard room > 0 else { break }
            let text = TextLayout.truncate(segment.text, to: room, ellipsis: grid.glyphs.ellipsis)
            x += grid.write(" " + text + " ", x: x, y: y, role: segment.role, maxWidth: limit - x)
        }
    }
}
