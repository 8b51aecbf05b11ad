import Foundation
import SynqAPI

/// The synchronizers table's rows: the fleet as the API layer parsed it (compact, shared,
/// never copied), plus the few rows changed since (a toggle, a create) kept beside it
/// until the next poll brings a fresh fleet.
public struct SynchronizerStorage: TableStorage {
    public typealias Row = SynchronizerRow

    public private(set) var fleet: SynchronizerFleet
    /// Rows of `fleet` replaced since it arrived, by index.
    private var edits: [Int: SynchronizerRow] = [:]
    /// Rows added after `fleet` (indices `fleet.count...`).
    private var added: [SynchronizerRow] = []
    private var addedIDs: [String: Int] = [:]
    private let index: FleetIndex
    private var cache = OrderingCache<SynchronizerRow.Column>()
    public private(set) var activeCount: Int

    public init(fleet: SynchronizerFleet) {
        self.fleet = fleet
        index = FleetIndex()
        activeCount = fleet.enabledStates.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
    }

    public init(rows: [SynchronizerRow]) {
        self.init(fleet: SynchronizerFleet(rows.map(\.synchronizer)))
    }

    public var count: Int { fleet.count + added.count }

    public func row(at index: Int) -> SynchronizerRow {
        if index >= fleet.count { return added[index - fleet.count] }
        if !edits.isEmpty, let edited = edits[index] { return edited }
        return SynchronizerRow(fleet[index])
    }

    public func id(at index: Int) -> String {
        index >= fleet.count ? added[index - fleet.count].id : fleet.id(at: index)
    }

    public func index(of id: String) -> Int? {
        if let row = self.index.ids(fleet).row(of: id, in: fleet) { return row }
        return addedIDs[id].map { fleet.count + $0 }
    }

    /// Whether the id index of the fleet was built.
    var hasIDIndex: Bool { index.hasIDs }

    /// Builds the id index and lower-cased text now (the table does it off the render loop).
    public func prepare() {
        _ = index.ids(fleet)
        _ = index.folded(fleet)
    }

    @discardableResult
    public mutating func upsert(_ row: SynchronizerRow) -> Int {
        guard let at = index(of: row.id) else {
            added.append(row)
            addedIDs[row.id] = added.count - 1
            if row.isActive { activeCount += 1 }
            cache = OrderingCache()
            return count - 1
        }
        let old = self.row(at: at)
        activeCount += (row.isActive ? 1 : 0) - (old.isActive ? 1 : 0)
        // Orderings of columns whose key did not change stay valid (a toggle re-sorts only by state).
        let changed = Set(SynchronizerRow.Column.allCases.filter { old.sortKey($0) != row.sortKey($0) })
        if !changed.isEmpty { cache = cache.keeping(allBut: changed) }
        if at >= fleet.count { added[at - fleet.count] = row } else { edits[at] = row }
        return at
    }

    public func matcher(for filter: RowFilter) -> (Int) -> Bool {
        let matchRow = rowMatcher
        return { row in filter.matches { matchRow($0, row) } }
    }

    /// Searches the whole arena once per term (`FleetSearch`) instead of testing row after row.
    public func matcher(for filter: RowFilter, isCancelled: () -> Bool) -> ((Int) -> Bool)? {
        let search = FleetSearch(storage: self, fleet: fleet, folded: index.folded(fleet), edited: Array(edits.keys))
        guard let kept = search.kept(by: filter, isCancelled: isCancelled) else { return nil }
        return { kept.contains($0) }
    }

    /// Whether one term matches one row: its name, key and id as they lie in the arena (or
    /// lower-cased, for a row that is not ASCII), or its state word; an edited or added row
    /// by its current values.
    var rowMatcher: (RowFilter.Term, Int) -> Bool {
        let folded = index.folded(fleet)
        let fleet = fleet
        return { term, row in
            if row >= fleet.count || (!edits.isEmpty && edits[row] != nil) {
                var joined = self.row(at: row).searchableTexts.joined(separator: "\n").lowercased()
                return joined.withUTF8 { term.matches(UnsafeRawBufferPointer($0)) }
            }
            if Self.stateWord(fleet.enabledStates[row]).withUnsafeBytes({ term.matches($0) }) { return true }
            if let range = folded.loweredRange(of: row) {
                return folded.lowered.withUnsafeBytes { term.matches(UnsafeRawBufferPointer(rebasing: $0[range])) }
            }
            return fleet.withSearchableText(row) { term.matches(UnsafeRawBufferPointer($0)) }
        }
    }

    private static let enabledWord: [UInt8] = Array(Synchronizer.stateText(isEnabled: true).utf8)
    private static let disabledWord: [UInt8] = Array(Synchronizer.stateText(isEnabled: false).utf8)
    private static let unknownWord: [UInt8] = Array(Synchronizer.stateText(isEnabled: nil).utf8)

    static func stateWord(_ state: Int8) -> [UInt8] {
        switch state {
        case 1: enabledWord
        case 0: disabledWord
        default: unknownWord
        }
    }

    public func ordering(_ column: SynchronizerRow.Column) -> ColumnOrdering {
        cache.ordering(column) { FleetOrdering.build(column, of: self) }
    }

    /// Whether any row was changed or added since the fleet arrived.
    var hasChanges: Bool { !edits.isEmpty || !added.isEmpty }
    var editedRows: [Int: SynchronizerRow] { edits }

    public func changes(since previous: SynchronizerStorage) -> [String: RowChange] {
        var changes: [String: RowChange] = [:]
        for row in 0..<count {
            guard let old = previous.index(of: id(at: row)) else {
                changes[id(at: row)] = .new
                continue
            }
            if differs(row, from: previous, at: old) { changes[id(at: row)] = .changed }
        }
        return changes
    }

    /// Name, state or key differ (what `SynchronizerRow.differsVisibly` compares), read from
    /// the arenas without making rows.
    private func differs(_ row: Int, from previous: SynchronizerStorage, at old: Int) -> Bool {
        guard row < fleet.count, old < previous.fleet.count,
              edits.isEmpty || edits[row] == nil, previous.edits.isEmpty || previous.edits[old] == nil else {
            return self.row(at: row).differsVisibly(from: previous.row(at: old))
        }
        if fleet.enabledStates[row] != previous.fleet.enabledStates[old] { return true }
        return fleet.withUnsafeColumns { new in
            previous.fleet.withUnsafeColumns { was in
                func differs(_ field: SynchronizerFleet.Field) -> Bool {
                    if let a = new.uuid(field, row), let b = was.uuid(field, old) { return a != b }
                    return new.withText(field, row) { a in was.withText(field, old) { b in !FleetIndex.equal(a, b) } }
                }
                return differs(.name) || differs(.key)
            }
        }
    }

    public static func == (lhs: SynchronizerStorage, rhs: SynchronizerStorage) -> Bool {
        lhs.fleet == rhs.fleet && lhs.edits == rhs.edits && lhs.added == rhs.added
    }
}

extension SynchronizerRow {
    /// The row as the API model (for building a fleet from rows).
    var synchronizer: Synchronizer { Synchronizer(id: id, key: key, name: name, isEnabled: isEnabled, createdAt: createdAt) }
}
