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
        /// At least `min`; grows only with the width the flexible columns leave once they
        /// show their widest text (with natural widths; otherwise it stays at `min`).
        case leftover(min: Int)
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
    /// Characters kept at the end when a cell is cut (a key keeps its last 4: "b1df0d63…4185");
    /// 0 cuts at the end.
    public var keptTail: Int

    public init(_ title: String, width: WidthRule, alignment: TextLayout.Alignment = .left, dropOrder: Int = 0,
                searchable: Bool = false, keptTail: Int = 0,
                text: @escaping @Sendable (Row) -> String, role: @escaping @Sendable (Row) -> StyleRole? = { _ in nil }) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.dropOrder = dropOrder
        self.searchable = searchable
        self.keptTail = keptTail
        self.text = text
        self.role = role
    }

    var minimumWidth: Int {
        switch width {
        case .fixed(let n): n
        case .flexible(let min, _): min
        case .leftover(let min): min
        }
    }

    /// A cell's (displayable) text cut and padded to the column's width.
    func fit(_ text: String, to width: Int, ellipsis: String) -> String {
        guard keptTail > 0 else { return TextLayout.fit(text, to: width, alignment: alignment, ellipsis: ellipsis) }
        let cut = TextLayout.truncate(text, to: width, keepingLast: keptTail, ellipsis: ellipsis)
        return TextLayout.fit(cut, to: width, alignment: alignment, ellipsis: ellipsis)
    }
}

/// The columns that fit a width, and the width each gets (separated by one space).
public struct ColumnLayout: Sendable, Hashable {
    public var indices: [Int]
    public var widths: [Int]

    /// Drops columns (highest `dropOrder` first) until the minimums fit, then shares the
    /// rest among flexible columns by weight. With `natural` widths (the widest text each
    /// column has to show), a flexible column grows only up to its natural width, then the
    /// leftover columns grow towards theirs with what remains, and space nobody needs stays
    /// blank at the right: a long id is whole when it fits, the key is whole when there is
    /// room after the name and the id, and a short name does not take a hundred blank columns.
    /// On a narrow screen the flexible columns share the width as they did before leftover
    /// columns existed, so the name and the id keep their priority over the key.
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
            // What the flexible columns do not need goes to the leftover columns, left to right.
            for position in kept.indices where spare > 0 {
                guard case .leftover = columns[kept[position]].width else { continue }
                let grow = min(spare, max(0, natural[kept[position]] - widths[position]))
                widths[position] += grow
                spare -= grow
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
