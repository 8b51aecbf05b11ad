import Foundation

/// One table pane: its rows (in the storage the row type chooses), the filtered and sorted
/// view the renderer draws, the selection (kept on the same row id across polls, sorts and
/// filters), the filter field, the sort, marks and change highlights.
///
/// The view is a permutation of row indices, recomputed only when the data, filter or sort
/// changes. Up to `inlineLimit` rows that happens at once; beyond, the change returns a
/// `TableDerivation` to run off the render loop, the old view stays on screen (with the
/// typed filter text and `isDeriving`) until its answer lands, and a newer change cancels it.
public struct TableState<Row: TableRow>: Sendable, Hashable {
    /// Every row, in server order: what `rows` indexes into.
    public private(set) var storage: Row.Storage
    /// Newer data than `storage`, being filtered and sorted off the render loop.
    private var incoming: Row.Storage?
    /// Indices into `storage` of the rows shown, in order.
    private var order: [Int32]
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
    /// Rows highlighted after a poll, by id.
    public internal(set) var highlights: [String: RowHighlight]
    /// The filter and sort `rows` reflects (the typed ones may be ahead while a pass runs).
    public private(set) var appliedFilter: RowFilter
    private var appliedSort: TableSort<Row.Column>
    /// The pass running now, if any, and how many have been started.
    private var pending: Int?
    private var generation = 0
    /// Rows changed while a pass ran, applied again to the data it lands with.
    private var changedWhilePending: [Row] = []
    /// Highlights to give when a replacing pass lands: when they last until.
    private var highlightUntil: Date?

    /// Tables up to this many rows are filtered and sorted at once, in the reducer.
    public static var inlineLimit: Int { 20_000 }

    public init(rows: [Row] = [], sort: TableSort<Row.Column>) {
        self.init(storage: Row.Storage(rows: rows), sort: sort)
    }

    public init(storage: Row.Storage, sort: TableSort<Row.Column>) {
        self.storage = storage
        order = []
        selectedIndex = 0
        selectedID = nil
        filter = TextField()
        isEditingFilter = false
        self.sort = sort
        marked = []
        highlights = [:]
        appliedFilter = RowFilter("")
        appliedSort = sort
        if let rows = Self.derive(storage, RowFilter(""), sort, narrowing: nil, isCancelled: { false }) { order = rows }
        restoreSelection()
    }

    // MARK: - Reading

    /// What the table shows: the rows filtered and sorted.
    public var rows: TableRows<Row> { TableRows(storage: storage, order: order) }
    /// Every row in server order.
    public var all: TableRows<Row> { TableRows(storage: storage, order: nil) }
    /// The selected row, if any.
    public var selected: Row? { order.indices.contains(selectedIndex) ? storage.row(at: Int(order[selectedIndex])) : nil }
    /// True when a filter is narrowing the table.
    public var isFiltered: Bool { !filter.isEmpty }
    /// True while a filter or sort pass runs off the render loop (the screen says so).
    public var isDeriving: Bool { pending != nil }
    /// How many rows are active (enabled, or an active key), kept with the data.
    public var activeCount: Int { storage.activeCount }

    public func isMarked(_ id: String) -> Bool { marked.contains(id) }
    public func highlight(for id: String) -> RowHighlight? { highlights[id] }

    /// Marked rows, in server order.
    public var markedRows: [Row] {
        marked.compactMap { storage.index(of: $0) }.sorted().map { storage.row(at: $0) }
    }

    /// The row with this id.
    public func row(id: String) -> Row? { storage.index(of: id).map { storage.row(at: $0) } }

    // MARK: - Mutations (used by the reducer)

    /// Replaces the data, pruning marks of rows that vanished; `highlightUntil` highlights
    /// rows new or changed since the previous data.
    mutating func replaceAll(_ new: Row.Storage, highlightUntil until: Date? = nil) -> TableDerivation? {
        guard new.count > Self.inlineLimit || storage.count > Self.inlineLimit else {
            if let until {
                highlight(new.changes(since: storage), until: until)
            }
            storage = new
            incoming = nil
            pruneVanished()
            rederiveNow()
            return nil
        }
        incoming = new
        highlightUntil = until
        return startPass(replacing: true)
    }

    /// Highlights what a poll changed. A row still marked new (just created here, whose list
    /// entry fills in what the create answer lacked) stays new rather than "changed";
    /// expired highlights are pruned on every tick, so an old one does not count.
    private mutating func highlight(_ changes: [String: RowChange], until: Date) {
        for (id, change) in changes {
            let stillNew = highlights[id]?.change == .new
            highlights[id] = RowHighlight(change: stillNew ? .new : change, until: until)
        }
    }

    mutating func replaceAll(_ rows: [Row]) {
        _ = replaceAll(Row.Storage(rows: rows))
    }

    /// Replaces one row (by id) or appends it.
    @discardableResult
    mutating func upsert(_ row: Row) -> TableDerivation? {
        let old = self.row(id: row.id)
        storage.upsert(row)
        if incoming != nil { incoming?.upsert(row) }
        if pending != nil { changedWhilePending.append(row) }
        // Fast path (a toggle on a big fleet): same place in the order, same filter match.
        if let old, old.sortKey(sort.column) == row.sortKey(sort.column),
           appliedFilter.matches(texts: old.searchableTexts) == appliedFilter.matches(texts: row.searchableTexts) {
            return nil
        }
        return rederive()
    }

    mutating func editFilter(_ edit: (inout TextField) -> Void) -> TableDerivation? {
        edit(&filter)
        return rederive()
    }

    mutating func setSort(_ order: TableSort<Row.Column>) -> TableDerivation? {
        sort = order
        return rederive()
    }

    mutating func select(index: Int) {
        guard !order.isEmpty else {
            selectedIndex = 0
            selectedID = nil
            return
        }
        selectedIndex = min(max(0, index), order.count - 1)
        selectedID = storage.id(at: Int(order[selectedIndex]))
    }

    /// Selects the row with this id; while a pass runs, it is selected when the pass lands.
    mutating func select(id: String) {
        if let row = storage.index(of: id), let position = order.firstIndex(of: Int32(row)) {
            select(index: position)
        } else if pending != nil {
            selectedID = id
        }
    }

    mutating func toggleMark(_ id: String) {
        if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
    }

    /// Takes the answer of a pass, if it is the latest one.
    mutating func land(_ derived: DerivedRows) {
        guard derived.generation == pending, let used = derived.storage as? Row.Storage else { return }
        pending = nil
        // The selected row is looked for where it was first (a sort or a filter keeps every
        // row at its index, and a poll mostly does): building the id index to find it took
        // the first sort's time at a million rows.
        let selectedRow = shownSelectedRow
        storage = used
        for row in changedWhilePending { storage.upsert(row) }
        changedWhilePending = []
        if incoming != nil {
            incoming = nil
            if let until = highlightUntil, let changes = derived.changes {
                highlight(changes, until: until)
            }
            highlightUntil = nil
            pruneVanished()
        }
        order = derived.order
        appliedFilter = RowFilter(filter.text ?? "")
        appliedSort = sort
        restoreSelection(knownRow: selectedRow)
    }

    // MARK: - Deriving the view

    /// Filters and sorts now when the table is small, or starts a pass.
    private mutating func rederive() -> TableDerivation? {
        if storage.count <= Self.inlineLimit && incoming == nil && pending == nil {
            rederiveNow()
            return nil
        }
        return startPass(replacing: incoming != nil)
    }

    private mutating func rederiveNow() {
        let filter = RowFilter(self.filter.text ?? "")
        let narrowing = filter.narrows(appliedFilter) && sort == appliedSort ? order : nil
        let selectedRow = shownSelectedRow
        order = Self.derive(storage, filter, sort, narrowing: narrowing, isCancelled: { false }) ?? order
        appliedFilter = filter
        appliedSort = sort
        restoreSelection(knownRow: selectedRow)
    }

    private mutating func startPass(replacing: Bool) -> TableDerivation {
        generation += 1
        pending = generation
        changedWhilePending = []
        let data = incoming ?? storage
        let previous = storage
        let filter = RowFilter(self.filter.text ?? "")
        let sort = self.sort
        // A filter that extends the one shown narrows what is shown (same data, same sort).
        let narrowing = !replacing && filter.narrows(appliedFilter) && sort == appliedSort ? order : nil
        let generation = self.generation
        let wantsChanges = replacing && highlightUntil != nil
        return TableDerivation(pane: .synchronizers, generation: generation) { isCancelled in
            guard let order = Self.derive(data, filter, sort, narrowing: narrowing, isCancelled: isCancelled) else { return nil }
            if isCancelled() { return nil }
            let changes = wantsChanges ? data.changes(since: previous) : nil
            return DerivedRows(generation: generation, order: order, changes: changes, storage: data)
        }
    }

    /// The rows of `storage` that pass `filter`, in `sort` order (stable: ties keep server
    /// order); from `narrowing` alone when given (it is in `sort` order already).
    static func derive(_ storage: Row.Storage, _ filter: RowFilter, _ sort: TableSort<Row.Column>,
                       narrowing: [Int32]?, isCancelled: () -> Bool) -> [Int32]? {
        let matches: ((Int) -> Bool)?
        if filter.isEmpty {
            matches = nil
        } else if let narrowing, narrowing.count < storage.count / 16 {
            // A few rows left to test: row by row.
            matches = storage.matcher(for: filter)
        } else {
            guard let whole = storage.matcher(for: filter, isCancelled: isCancelled) else { return nil }
            matches = whole
        }
        if let narrowing, let matches {
            var kept: [Int32] = []
            for (position, row) in narrowing.enumerated() {
                if position & 0x3FFF == 0, isCancelled() { return nil }
                if matches(Int(row)) { kept.append(row) }
            }
            return kept
        }
        let ordering = storage.ordering(sort.column)
        if isCancelled() { return nil }
        if matches == nil, sort.ascending { return ordering.order }
        return ordering.walk(ascending: sort.ascending, keep: { matches?(Int($0)) ?? true }, isCancelled: isCancelled)
    }

    /// The storage index of the row shown selected now.
    private var shownSelectedRow: Int32? { order.indices.contains(selectedIndex) ? order[selectedIndex] : nil }

    /// Puts the selection back on the same row id, or on the nearest index if it is gone.
    /// `knownRow` is where the row may be in the storage: used when it holds that id, so the
    /// id index is built only when the row moved.
    private mutating func restoreSelection(knownRow: Int32? = nil) {
        let known = knownRow.map(Int.init).flatMap { row in
            row < storage.count && storage.id(at: row) == selectedID ? row : nil
        }
        if let id = selectedID, let row = known ?? storage.index(of: id), let position = order.firstIndex(of: Int32(row)) {
            selectedIndex = position
        } else {
            select(index: selectedIndex)
        }
    }

    private mutating func pruneVanished() {
        marked = marked.filter { storage.index(of: $0) != nil }
        highlights = highlights.filter { storage.index(of: $0.key) != nil }
    }

    public static func == (lhs: TableState, rhs: TableState) -> Bool {
        lhs.order == rhs.order && lhs.selectedIndex == rhs.selectedIndex && lhs.selectedID == rhs.selectedID
            && lhs.filter == rhs.filter && lhs.isEditingFilter == rhs.isEditingFilter && lhs.sort == rhs.sort
            && lhs.marked == rhs.marked && lhs.highlights == rhs.highlights && lhs.pending == rhs.pending
            && lhs.storage == rhs.storage && lhs.incoming == rhs.incoming
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(order.count)
        hasher.combine(selectedIndex)
        hasher.combine(selectedID)
        hasher.combine(filter)
        hasher.combine(sort)
        hasher.combine(marked)
        hasher.combine(storage.count)
    }
}

/// Rows of a table by position, made on demand from its storage: the shown order, or
/// server order when `order` is nil.
public struct TableRows<Row: TableRow>: RandomAccessCollection, Sendable {
    let storage: Row.Storage
    let order: [Int32]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { order?.count ?? storage.count }
    public subscript(position: Int) -> Row { storage.row(at: order.map { Int($0[position]) } ?? position) }
}
