import Foundation

/// Where a table's rows live, and how they are found, searched and ordered. A table
/// reads rows only through this, so a pane of a few keys keeps a plain array while the
/// synchronizers pane keeps a million rows compactly (`SynchronizerStorage`).
///
/// Values: a change makes a new storage; work started on an older one (a filter pass off
/// the render loop) keeps reading the rows it started with.
public protocol TableStorage: Sendable, Equatable {
    associatedtype Row: TableRow

    init(rows: [Row])
    var count: Int { get }
    /// The row at `index`, made on demand.
    func row(at index: Int) -> Row
    func id(at index: Int) -> String
    /// Where the row with this id is, from an index (never a scan).
    func index(of id: String) -> Int?
    /// Replaces the row with the same id, or appends it. Returns its index.
    @discardableResult mutating func upsert(_ row: Row) -> Int
    /// Number of rows whose `isActive` holds.
    var activeCount: Int { get }
    /// A test of rows against `filter`, over their searchable texts (lower-cased once per
    /// row, never per keystroke). Made once per filter pass.
    func matcher(for filter: RowFilter) -> (Int) -> Bool
    /// The same test for a pass over many rows, which may do its work up front (a search of
    /// the whole table per term); nil when `isCancelled` turned true meanwhile.
    func matcher(for filter: RowFilter, isCancelled: () -> Bool) -> ((Int) -> Bool)?
    /// All rows in ascending order of `column`, built once per column and kept.
    func ordering(_ column: Row.Column) -> ColumnOrdering
    /// Rows new or visibly changed since `previous`, by id.
    func changes(since previous: Self) -> [String: RowChange]
}

extension TableStorage {
    public var isEmpty: Bool { count == 0 }

    public func matcher(for filter: RowFilter, isCancelled: () -> Bool) -> ((Int) -> Bool)? { matcher(for: filter) }
}

/// Rows in an array: the storage of small tables (Synvo keys, events).
public struct ArrayTableStorage<Row: TableRow>: TableStorage {
    public private(set) var rows: [Row]
    private var ids: [String: Int]
    /// Each row's searchable texts, lower-cased and joined by newlines.
    private var searchTexts: [[UInt8]]
    private var cache = OrderingCache<Row.Column>()

    public init(rows: [Row]) {
        self.rows = rows
        ids = Dictionary(rows.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        searchTexts = rows.map(Self.searchText)
    }

    public var count: Int { rows.count }
    public func row(at index: Int) -> Row { rows[index] }
    public func id(at index: Int) -> String { rows[index].id }
    public func index(of id: String) -> Int? { ids[id] }
    public var activeCount: Int { rows.reduce(0) { $0 + ($1.isActive ? 1 : 0) } }

    @discardableResult
    public mutating func upsert(_ row: Row) -> Int {
        cache = OrderingCache()
        if let index = ids[row.id] {
            rows[index] = row
            searchTexts[index] = Self.searchText(row)
            return index
        }
        rows.append(row)
        searchTexts.append(Self.searchText(row))
        ids[row.id] = rows.count - 1
        return rows.count - 1
    }

    public func matcher(for filter: RowFilter) -> (Int) -> Bool {
        { index in searchTexts[index].withUnsafeBytes { text in filter.matches { $0.matches(text) } } }
    }

    public func ordering(_ column: Row.Column) -> ColumnOrdering {
        cache.ordering(column) { ColumnOrdering(keys: rows.map { $0.sortKey(column) }) }
    }

    public func changes(since previous: ArrayTableStorage<Row>) -> [String: RowChange] {
        var changes: [String: RowChange] = [:]
        for row in rows {
            if let old = previous.index(of: row.id) {
                if row.differsVisibly(from: previous.rows[old]) { changes[row.id] = .changed }
            } else {
                changes[row.id] = .new
            }
        }
        return changes
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rows == rhs.rows }

    private static func searchText(_ row: Row) -> [UInt8] {
        Array(row.searchableTexts.joined(separator: "\n").lowercased().utf8)
    }
}

/// Orderings already built for one data set, shared by every copy of the storage that
/// holds that data (a new data set starts a new cache). Built off the render loop, read
/// from any thread.
final class OrderingCache<Column: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var orderings: [Column: ColumnOrdering] = [:]

    init(_ kept: [Column: ColumnOrdering] = [:]) { orderings = kept }

    func ordering(_ column: Column, build: () -> ColumnOrdering) -> ColumnOrdering {
        if let known = lock.withLock({ orderings[column] }) { return known }
        let built = build()
        lock.withLock { orderings[column] = built }
        return built
    }

    /// The orderings already built, except those of `columns` (whose keys changed).
    func keeping(allBut columns: Set<Column>) -> OrderingCache {
        OrderingCache(lock.withLock { orderings.filter { !columns.contains($0.key) } })
    }
}
