import SynqAPI
import SynqText

/// A screen's worth of cells, drawn by the renderer and blitted by the backend.
///
/// Every write goes through `Sanitizer`, so no control character from server data can
/// reach the terminal whatever a pane forgets; widths come from `CharacterWidth`.
public struct Grid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public let glyphs: Glyphs
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode, fill: StyleRole = .base) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.glyphs = glyphs
        self.cells = Array(repeating: .blank(fill), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Paints `count` blank cells with a role (a row background, a bar). A wide character it
    /// cuts in two at either end is blanked, as `write` does.
    public mutating func fill(x: Int, y: Int, count: Int, role: StyleRole, text: String = " ") {
        guard y >= 0, y < height else { return }
        let start = max(0, x)
        let end = min(width, x + count)
        guard start < end else { return }
        if start > 0, self[start, y].isContinuation { self[start - 1, y] = .blank(self[start - 1, y].role) }
        for column in start..<end { self[column, y] = Cell(text: text, width: 1, role: role) }
        repairEdges(y: y, from: start, to: end)
    }

    public mutating func fill(rect: Rect, role: StyleRole) {
        for row in rect.y..<(rect.y + rect.height) { fill(x: rect.x, y: row, count: rect.width, role: role) }
    }

    /// Writes text from (x, y) clipped to `maxWidth` columns (and the grid's edge), and
    /// returns the columns used. A wide character that would straddle the limit becomes a space.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        if x > 0, x < width, self[x, y].isContinuation { self[x - 1, y] = .blank(self[x - 1, y].role) }
        var column = x
        for character in Self.displayable(text, glyphs: glyphs) {
            var piece = String(character)
            var columns = CharacterWidth.of(character)
            if columns == 0 {
                // A lone combining mark gets a base so it cannot fuse with its neighbour.
                piece = " " + piece
                columns = 1
            }
            if column + columns > limit {
                if columns == 2 && column < limit, column >= 0 { self[column, y] = .blank(role); column += 1 }
                break
            }
            if column >= 0 {
                self[column, y] = Cell(text: piece, width: UInt8(columns), role: role)
                if columns == 2 { self[column + 1, y] = .continuation(role) }
            } else if column + columns > 0 {
                self[0, y] = .blank(role)
            }
            column += columns
        }
        repairEdges(y: y, from: x, to: column)
        return max(0, column - x)
    }

    /// The text a write would show: sanitised, and in ASCII mode every non-ASCII character
    /// replaced by `?` (the terminal could not show it).
    public static func displayable(_ text: String, glyphs: Glyphs) -> String {
        let clean = Sanitizer.clean(text)
        if glyphs.unicode || clean.utf8.allSatisfy({ $0 < 0x80 }) { return clean }
        return String(clean.map { $0.isASCII ? $0 : "?" })
    }

    /// Overwriting half of a wide character leaves an orphan; blank it.
    private mutating func repairEdges(y: Int, from start: Int, to end: Int) {
        if end >= 0, end < width, self[end, y].isContinuation {
            self[end, y] = .blank(self[end, y].role)
        }
    }

    /// The grid as plain text, one line per row, trailing spaces removed; used by snapshot tests.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for row in 0..<height {
            var line = ""
            for column in 0..<width {
                let cell = self[column, row]
                if !cell.isContinuation { line += cell.text }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
}
