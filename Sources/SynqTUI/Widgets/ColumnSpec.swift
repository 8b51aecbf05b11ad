import SynqText

/// One column of a table widget: header, how wide, alignment, the cell text and style.
///
/// Panes configure tables with a list of these; the widget does the rest, so no pane
/// draws rows by hand.
public struct ColumnSpec<Row>: Sendable {
    /// How a column's width is chosen.
    public enum WidthRule: Sendable, Hashable {
        /// Exactly this many columns.
        case fixed(Int)
        /// At least `min`, sharing leftover space with other flexible columns by `weight`.
        case flexible(min: Int, weight: Int)
    }

    public var title: String
    public var width: WidthRule
    public var alignment: TextLayout.Alignment
    /// Lower numbers survive longer when the terminal is narrow; 0 is never dropped.
    public var dropOrder: Int
    /// Cell text. Server text may be returned as is: the widget sanitises it.
    public var text: @Sendable (Row) -> String
    /// Style of the cell; nil takes the row's style.
    public var role: @Sendable (Row) -> StyleRole?
    /// The filter searches this column, so its matches are highlighted.
    public var searchable: Bool

    public init(_ title: String, width: WidthRule, alignment: TextLayout.Alignment = .left, dropOrder: Int = 0,
                searchable: Bool = false,
                text: @escaping @Sendable (Row) -> String, role: @escaping @Sendable (Row) -> StyleRole? = { _ in nil }) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.dropOrder = dropOrder
        self.searchable = searchable
        self.text = text
        self.role = role
    }

    var minimumWidth: Int {
        switch width {
        case .fixed(let n): n
        case .flexible(let min, _): min
        }
    }
}

/// The columns that fit a width, and the width each gets (separated by one space).
public struct ColumnLayout: Sendable, Hashable {
    public var indices: [Int]
    public var widths: [Int]

    /// Drops columns (highest `dropOrder` first) until the minimums fit, then shares the
    /// rest among flexible columns by weight. With `natural` widths (the widest text each
    /// column has to show), a flexible column grows only up to its natural width and space
    /// nobody needs stays blank at the right, so a long id is whole when it fits and a short
    /// name does not take a hundred blank columns.
    public static func fit<Row>(_ columns: [ColumnSpec<Row>], into width: Int, natural: [Int]? = nil) -> ColumnLayout {
        var kept = Array(columns.indices)
        func needed(_ set: [Int]) -> Int { set.reduce(0) { $0 + columns[$1].minimumWidth } + max(0, set.count - 1) }
        while kept.count > 1, needed(kept) > width {
            let victim = kept.max { columns[$0].dropOrder < columns[$1].dropOrder || (columns[$0].dropOrder == columns[$1].dropOrder && $0 < $1) }!
            kept.removeAll { $0 == victim }
        }
        var widths = kept.map { columns[$0].minimumWidth }
        var spare = width - needed(kept)
        if spare > 0, let natural {
            // Grow the flexible columns by weight towards their natural widths, in rounds.
            var open = kept.indices.filter { position in
                if case .flexible = columns[kept[position]].width { return natural[kept[position]] > widths[position] }
                return false
            }
            func weight(_ position: Int) -> Int {
                if case .flexible(_, let weight) = columns[kept[position]].width { return max(1, weight) }
                return 0
            }
            while spare > 0, !open.isEmpty {
                let total = open.reduce(0) { $0 + weight($1) }
                var given = 0
                for position in open {
                    let grow = min(spare * weight(position) / total, natural[kept[position]] - widths[position])
                    widths[position] += grow
                    given += grow
                }
                // The rounding remainder goes to the last column with room, as without natural widths.
                if given < spare, let last = open.last(where: { natural[kept[$0]] > widths[$0] }) {
                    let grow = min(spare - given, natural[kept[last]] - widths[last])
                    widths[last] += grow
                    given += grow
                }
                spare -= given
                open.removeAll { natural[kept[$0]] <= widths[$0] }
                if given == 0 { break }
            }
        } else if spare > 0 {
            let weights = kept.map { index -> Int in
                if case .flexible(_, let weight) = columns[index].width { return max(0, weight) }
                return 0
            }
            let total = weights.reduce(0, +)
            if total > 0 {
                var given = 0
                for position in kept.indices where weights[position] > 0 {
                    let share = spare * weights[position] / total
                    widths[position] += share
                    given += share
                }
                spare -= given
                if let last = weights.lastIndex(where: { $0 > 0 }) { widths[last] += spare }
            }
        } else if spare < 0, !widths.isEmpty {
            widths[widths.count - 1] = max(1, widths[widths.count - 1] + spare)
        }
        return ColumnLayout(indices: kept, widths: widths)
    }
}
