import SynqText

/// A rectangle with a one-cell border and an optional title set into the top edge.
public struct Box: Sendable {
    public var rect: Rect
    public var title: String
    public var borderRole: StyleRole
    public var titleRole: StyleRole
    public var fillRole: StyleRole?

    public init(rect: Rect, title: String = "", borderRole: StyleRole = .border, titleRole: StyleRole = .title, fillRole: StyleRole? = nil) {
        self.rect = rect
        self.title = title
        self.borderRole = borderRole
        self.titleRole = titleRole
        self.fillRole = fillRole
    }

    /// The area inside the border.
    public var interior: Rect { Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2) }

    public func draw(into grid: inout Grid) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let g = grid.glyphs
        if let fillRole { grid.fill(rect: interior, role: fillRole) }
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        grid.fill(x: rect.x + 1, y: rect.y, count: rect.width - 2, role: borderRole, text: g.horizontal)
        grid.fill(x: rect.x + 1, y: bottom, count: rect.width - 2, role: borderRole, text: g.horizontal)
        for row in (rect.y + 1)..<bottom {
            grid.write(g.vertical, x: rect.x, y: row, role: borderRole)
            grid.write(g.vertical, x: right, y: row, role: borderRole)
        }
        grid.write(g.topLeft, x: rect.x, y: rect.y, role: borderRole)
        grid.write(g.topRight, x: right, y: rect.y, role: borderRole)
        grid.write(g.bottomLeft, x: rect.x, y: bottom, role: borderRole)
        grid.write(g.bottomRight, x: right, y: bottom, role: borderRole)
        if !title.isEmpty, rect.width > 6 {
            let text = TextLayout.truncate(" " + title + " ", to: rect.width - 4, ellipsis: g.ellipsis)
            grid.write(text, x: rect.x + 2, y: rect.y, role: titleRole)
        }
    }
}
