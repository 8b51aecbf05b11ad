import Foundation
import SynqAPI

/// The rows of a fleet a filter keeps, found by searching the fleet's arena once per term
/// rather than each row's text once per row: the arena holds every row's name (and key and
/// id unless kept as UUIDs) back to back, so a substring term is one scan of one contiguous
/// buffer (libc's `memchr` for the needle's first byte in both cases, then a check of the
/// rest), a hit is mapped to its row by a binary search of the row offsets, and the scan
/// resumes at the next row. Keys and ids kept as UUIDs are searched as text only when the
/// term could be in one (hex digits and dashes).
///
/// Same meaning as testing each row (`RowFilter.matches` over the row's searchable texts):
/// a term matches a row's name, key and id (ASCII letters compared without case) or its
/// state word; rows with non-ASCII text are tested against their lower-cased copy
/// (`FleetIndex`), rows edited or added since the poll against their current values, and
/// regular expressions and needles that hold a newline row by row.
struct FleetSearch {
    let storage: SynchronizerStorage
    let fleet: SynchronizerFleet
    let folded: FleetIndex.FoldedText
    /// Rows tested one by one whatever the term: edited since the poll, or not ASCII.
    private let special: [Int]

    init(storage: SynchronizerStorage, fleet: SynchronizerFleet, folded: FleetIndex.FoldedText, edited: [Int]) {
        self.storage = storage
        self.fleet = fleet
        self.folded = folded
        special = Set(edited).union(folded.loweredRows.map(Int.init)).sorted()
    }

    /// One bit per row (fleet rows, then added ones) of the rows `filter` keeps; nil when cancelled.
    func kept(by filter: RowFilter, isCancelled: () -> Bool) -> RowBits? {
        let count = storage.count
        var kept = RowBits(count: count, set: filter.error == nil)
        guard filter.error == nil else { return kept }
        let matchRow = storage.rowMatcher
        for term in filter.terms {
            if isCancelled() { return nil }
            guard var hits = hits(of: term, isCancelled: isCancelled) else { return nil }
            // Rows whose text is read another way, and rows added after the poll.
            for row in special { hits.set(row, to: matchRow(term, row)) }
            for row in fleet.count..<count { hits.set(row, to: matchRow(term, row)) }
            kept.intersect(hits, inverted: term.inverted)
        }
        return kept
    }

    /// Rows of the fleet whose arena text or state word hold the term (rows in `special`
    /// may be wrong here: the caller sets them).
    private func hits(of term: RowFilter.Term, isCancelled: () -> Bool) -> RowBits? {
        var hits = RowBits(count: storage.count, set: false)
        let states = [Int8(1), 0, -1].filter { state in
            SynchronizerStorage.stateWord(state).withUnsafeBytes { term.matches($0) }
        }
        if !states.isEmpty {
            fleet.enabledStates.withUnsafeBufferPointer { enabled in
                for row in 0..<enabled.count where states.contains(enabled[row]) { hits.set(row) }
            }
        }
        if term.regex != nil || term.needle.contains(UInt8(ascii: "\n")) {
            // Row by row: a pattern is matched by the C library per text.
            let matchRow = storage.rowMatcher
            for row in 0..<fleet.count {
                if row & 0x3FFF == 0, isCancelled() { return nil }
                if !hits.contains(row), matchRow(term, row) { hits.set(row) }
            }
            return hits
        }
        let found = term.needle.withUnsafeBytes { needle in
            fleet.withUnsafeColumns { columns in
                Self.scan(UnsafeRawBufferPointer(columns.arena), for: needle, rowStarts: columns.rowStarts, rows: columns.count,
                          into: &hits, isCancelled: isCancelled)
                    && Self.scanUUIDs(columns, for: needle, into: &hits, isCancelled: isCancelled)
            }
        }
        return found ? hits : nil
    }

    /// Marks the rows not yet marked whose key or id, kept as a UUID (not in the arena), holds
    /// `needle` in its text; only a needle of hex digits and dashes can be in one, so any
    /// other costs nothing. Returns false when cancelled.
    static func scanUUIDs(_ columns: SynchronizerFleet.Columns, for needle: UnsafeRawBufferPointer, into hits: inout RowBits,
                          isCancelled: () -> Bool) -> Bool {
        guard CanonicalUUID.textCanContain(needle) else { return true }
        for row in 0..<columns.count where !hits.contains(row) {
            if row & 0x3FFF == 0, isCancelled() { return false }
            for field in [SynchronizerFleet.Field.key, .id] {
                if let uuid = columns.uuid(field, row), uuid.withText({ FoldedSearch.contains(needle, in: UnsafeRawBufferPointer($0)) }) {
                    hits.set(row)
                    break
                }
            }
        }
        return true
    }

    /// Marks every row whose bytes hold `needle` (lower-case; ASCII letters of the arena
    /// folded). Returns false when cancelled.
    static func scan(_ arena: UnsafeRawBufferPointer, for needle: UnsafeRawBufferPointer, rowStarts: UnsafeBufferPointer<UInt32>,
                     rows: Int, into hits: inout RowBits, isCancelled: () -> Bool) -> Bool {
        guard let base = arena.baseAddress, !needle.isEmpty, arena.count >= needle.count else { return true }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let head = needle[0]
        // A lower-case letter is found as itself or its capital: two memchr streams, merged.
        let other: UInt8? = head &- 0x61 < 26 ? head - 0x20 : nil
        let end = arena.count
        let lastStart = end - needle.count
        var from = 0
        var nextHead = -1, nextOther = -1
        var checkedAt = 0
        func find(_ byte: UInt8, after position: Int) -> Int {
            guard position < end, let found = memchr(bytes + position, Int32(byte), end - position) else { return end }
            return bytes.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        while from <= lastStart {
            if from - checkedAt > 1 << 20 {
                if isCancelled() { return false }
                checkedAt = from
            }
            if nextHead < from { nextHead = find(head, after: from) }
            if let other, nextOther < from { nextOther = find(other, after: from) }
            let candidate = other == nil ? nextHead : min(nextHead, nextOther)
            guard candidate <= lastStart else { break }
            var offset = 1
            while offset < needle.count, FoldedSearch.lower(bytes[candidate + offset]) == needle[offset] { offset += 1 }
            guard offset == needle.count else {
                from = candidate + 1
                continue
            }
            // The row holding the hit: the last row starting at or before it.
            var low = 0, high = rows
            while low < high {
                let middle = (low + high) / 2
                if Int(rowStarts[middle + 1]) <= candidate { low = middle + 1 } else { high = middle }
            }
            hits.set(low)
            from = Int(rowStarts[low + 1])
        }
        return true
    }
}

/// One bit per row.
struct RowBits {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int, set: Bool) {
        self.count = count
        words = [UInt64](repeating: set ? ~0 : 0, count: (count + 63) / 64)
    }

    @inline(__always)
    func contains(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    @inline(__always)
    mutating func set(_ row: Int) { words[row >> 6] |= 1 << UInt64(row & 63) }

    mutating func set(_ row: Int, to value: Bool) {
        if value { set(row) } else { words[row >> 6] &= ~(1 << UInt64(row & 63)) }
    }

    /// Keeps the rows also in `other` (or, inverted, not in it).
    mutating func intersect(_ other: RowBits, inverted: Bool) {
        for word in words.indices { words[word] &= inverted ? ~other.words[word] : other.words[word] }
    }
}
