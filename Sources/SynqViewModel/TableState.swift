import Foundation

/// One table pane: all rows as loaded, the filtered and sorted rows the renderer draws,
/// the selection (kept on the same row id across polls, sorts and filters), the filter
/// field, the sort, marks and change highlights.
///
/// `rows` is recomputed only when the data, filter or sort changes, so drawing a frame
/// reads only the visible slice of it.
public struct TableState<Row: TableRow>: Sendable, Hashable {
    /// Every row, in server order.
    public private(set) var all: [Row]
    /// What the table shows: `all` filtered and sorted.
    public private(set) var rows: [Row]
    /// Index into `rows` of the selected row (0 when empty).
    public private(set) var selectedIndex: Int
    /// Id of the selected row; selection follows it when rows move.
    public private(set) var selectedID: String?
    /// The filter text. Empty means no filter.
    public private(set) var filter: TextField
    /// True while the user is typing in the filter field.
    public internal(set) var isEditingFilter: Bool
    public private(set) var sort: TableSort<Row.Column>
    /// Ids of marked rows. Marks survive filtering and sorting.
    public internal(set) var marked: Set<String>
    /// How many rows of `all` are active (enabled, or an active key): kept up to date on
    /// every change, so the status bar can show it for a million rows at no cost per frame.
    public private(set) var activeCount: Int
    /// Rows highlighted after a poll, by id.
    public internal(set) var highlights: [String: RowHighlight]
    /// Lower-cased searchable text of each row of `all`, built when a filter is first used.
    private var searchIndex: [String]?

    public init(rows: [Row] = [], sort: TableSort<Row.Column>) {
        self.all = rows
        self.activeCount = rows.reduce(0) { $0 + ($1.isActive ? 1 : 0) }
        self.rows = []
        self.selectedIndex = 0
        self.selectedID = nil
        self.filter = TextField()
        self.isEditingFilter = false
        self.sort = sort
        self.marked = []
        self.highlights = [:]
        self.searchIndex = nil
        rederive()
    }

    /// The selected row, if any.
    public var selected: Row? { rows.indices.contains(selectedIndex) ? rows[selectedIndex] : nil }

    /// True when a filter is narrowing the table.
    public var isFiltered: Bool { !filter.isEmpty }

    public func isMarked(_ id: String) -> Bool { marked.contains(id) }
    public func highlight(for id: String) -> RowHighlight? { highlights[id] }

    /// Marked rows in `all`, in server order.
    public var markedRows: [Row] { all.filter { marked.contains($0.id) } }

    // MARK: - Mutations (used by the reducer)

    /// Replaces the data, pruning marks of rows that vanished.
    mutating func replaceAll(_ rows: [Row]) {
        all = rows
        activeCount = rows.reduce(0) { $0 + ($1.isActive ? 1 : 0) }
        searchIndex = nil
        let ids = Set(rows.map(\.id))
        marked.formIntersection(ids)
        highlights = highlights.filter { ids.contains($0.key) }
        rederive()
    }

    /// Replaces one row (by id) or appends it.
    mutating func upsert(_ row: Row) {
        guard let index = all.firstIndex(where: { $0.id == row.id }) else {
            all.append(row)
            if row.isActive { activeCount += 1 }
            searchIndex?.append(Self.searchText(row))
            rederive()
            return
        }
        let old = all[index]
        all[index] = row
        activeCount += (row.isActive ? 1 : 0) - (old.isActive ? 1 : 0)
        searchIndex?[index] = Self.searchText(row)
        // Fast path (a toggle on a big fleet): same place in the order, same filter match.
        let needle = Self.needle(filter)
        if old.sortKey(sort.column) == row.sortKey(sort.column),
           Self.matches(Self.searchText(old), needle) == Self.matches(Self.searchText(row), needle) {
            if let shown = rows.firstIndex(where: { $0.id == row.id }) { rows[shown] = row }
            return
        }
        rederive()
    }

    /// The row with this id in `all`.
    public func row(id: String) -> Row? { all.first { $0.id == id } }

    mutating func editFilter(_ edit: (inout TextField) -> Void) {
        edit(&filter)
        rederive()
    }

    mutating func setSort(_ order: TableSort<Row.Column>) {
        sort = order
        rederive()
    }

    mutating func select(index: Int) {
        guard !rows.isEmpty else {
            selectedIndex = 0
            selectedID = nil
            return
        }
        selectedIndex = min(max(0, index), rows.count - 1)
        selectedID = rows[selectedIndex].id
    }

    mutating func select(id: String) {
        if let index = rows.firstIndex(where: { $0.id == id }) { select(index: index) }
    }

    mutating func toggleMark(_ id: String) {
        if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
    }

    /// Filters and sorts `all` into `rows` (stable: ties keep server order) and puts the
    /// selection back on the same row id, or on the nearest index if that row is gone.
    private mutating func rederive() {
        let needle = Self.needle(filter)
        var indices = Array(all.indices)
        if !needle.isEmpty {
            if searchIndex == nil { searchIndex = all.map(Self.searchText) }
            let index = searchIndex ?? []
            indices = indices.filter { Self.matches(index[$0], needle) }
        }
        let column = sort.column
        let ascending = sort.ascending
        var keyed = indices.map { (key: all[$0].sortKey(column), offset: $0) }
        keyed.sort { lhs, rhs in
            if lhs.key == rhs.key { return lhs.offset < rhs.offset }
            return ascending ? lhs.key < rhs.key : rhs.key < lhs.key
        }
        rows = keyed.map { all[$0.offset] }
        if let id = selectedID, let index = rows.firstIndex(where: { $0.id == id }) {
            selectedIndex = index
        } else {
            select(index: selectedIndex)
        }
    }

    /// The filter text as matched: lower-cased; empty means everything.
    private static func needle(_ filter: TextField) -> String { (filter.text ?? "").lowercased() }

    /// A row's searchable columns, lower-cased, separated by a character no filter holds.
    private static func searchText(_ row: Row) -> String {
        row.searchableTexts.joined(separator: "\u{0}").lowercased()
    }

    private static func matches(_ text: String, _ needle: String) -> Bool {
        needle.isEmpty || text.contains(needle)
    }
}
