import Foundation
import SynqText

/// Everything about one column of a resource table, in one place: the title, how wide it
/// may be, the cell's text (and how the screen shortens it), its style, what it sorts by and
/// what the filter searches. The TUI's panes and the headless `synq … list` tables read the
/// same definitions (`TableRow.definition`), so a column cannot say one thing on screen and
/// another on stdout.
public struct ResourceColumn<Row>: Sendable {
    /// How the screen chooses the column's width.
    public enum Width: Sendable, Hashable {
        /// Exactly this many columns.
        case fixed(Int)
        /// At least `min`, sharing spare space with other flexible columns by `weight`, and
        /// never wider than its widest visible text.
        case flexible(min: Int, weight: Int)
        /// At least `min`; grows towards its widest visible text only with the width the
        /// flexible columns leave once they are whole (the key: shortened on a narrow screen,
        /// whole on a wide one, never at the cost of the name or the id).
        case leftover(min: Int)
    }

    /// How the screen shortens a cell that is wider than its column (headless output
    /// always prints the whole text).
    public enum Shortening: Sendable, Hashable {
        /// Cut at the end, before an ellipsis.
        case none
        /// Cut in the middle: the last `tail` characters stay and the head takes the rest of
        /// the column (a key in 13 columns: "b1df0d63…4185").
        case keepEnd(tail: Int)
    }

    public let title: String
    public let width: Width
    public let alignment: TextLayout.Alignment
    /// Lower numbers survive longer when the terminal is narrow; 0 is never dropped.
    public let dropOrder: Int
    public let shortening: Shortening
    /// The cell's full text (server text unsanitised: whoever shows it sanitises it).
    public let text: @Sendable (Row, _ now: Date) -> String
    /// The cell's style, when it has one of its own (otherwise the row's).
    public let tone: @Sendable (Row) -> CellTone?
    public let sortKey: @Sendable (Row) -> SortKey
    /// What the filter matches in this column; nil when it is not searched.
    public let searchText: (@Sendable (Row) -> String)?

    public init(_ title: String, width: Width, alignment: TextLayout.Alignment = .left, dropOrder: Int,
                shortening: Shortening = .none,
                text: @escaping @Sendable (Row, _ now: Date) -> String,
                tone: @escaping @Sendable (Row) -> CellTone? = { _ in nil },
                sortKey: @escaping @Sendable (Row) -> SortKey,
                searchText: (@Sendable (Row) -> String)? = nil) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.dropOrder = dropOrder
        self.shortening = shortening
        self.text = text
        self.tone = tone
        self.sortKey = sortKey
        self.searchText = searchText
    }

    public var isSearchable: Bool { searchText != nil }
}

/// What a cell's style means; the TUI maps each to a theme role.
public enum CellTone: Sendable, Hashable {
    case dim
    case enabled, disabled
    case keyActive, keyRevoked, keyDisabled, keyUnknown
}

extension TableRow {
    /// The definitions of every column, in header order.
    public static var definitions: [ResourceColumn<Self>] { Column.allCases.map(definition) }

    /// The texts the filter matches against: the searchable columns' search texts.
    public var searchableTexts: [String] {
        Column.allCases.compactMap { Self.definition($0).searchText?(self) }
    }

    /// What the row sorts by in one column.
    public func sortKey(_ column: Column) -> SortKey { Self.definition(column).sortKey(self) }
}
