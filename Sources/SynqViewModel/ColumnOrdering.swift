import Foundation

/// Every row of a table in ascending order of one column (ties in server order), and which
/// neighbours have equal keys, so any filtered and sorted view is one pass over it: no sort
/// per keystroke. Built once per column per data set.
public struct ColumnOrdering: Sendable {
    /// Row indices, ascending by the column's key; equal keys by index.
    public let order: [Int32]
    /// Bit `p`: the key at `order[p]` equals the one at `order[p - 1]` (one bit a row, not a
    /// rank of four bytes: at a million rows 125 KB against 4 MB per column).
    private let tied: [UInt64]

    /// `rank[row]`: equal keys have equal ranks, a greater key a greater rank (made on demand).
    public var rank: [Int32] {
        var rank = [Int32](repeating: 0, count: order.count)
        var current: Int32 = 0
        for position in order.indices {
            if position > 0, !isTied(position) { current += 1 }
            rank[Int(order[position])] = current
        }
        return rank
    }

    /// From an order and the positions whose key equals the one before (`tied`, a bit each,
    /// as `TiedBits` makes them).
    init(order: [Int32], tied: TiedBits) {
        self.order = order
        self.tied = tied.words
    }

    public init(order: [Int32], rank: [Int32]) {
        self.init(order: order) { rank[Int($0)] == rank[Int($1)] }
    }

    /// Orders rows by comparable keys (small tables).
    public init<Key: Comparable>(keys: [Key]) {
        var order = (0..<keys.count).map { Int32($0) }
        order.sort { keys[Int($0)] == keys[Int($1)] ? $0 < $1 : keys[Int($0)] < keys[Int($1)] }
        self.init(order: order, ranks: { keys[Int($0)] == keys[Int($1)] })
    }

    /// From an order and an "equal keys" test of neighbours.
    public init(order: [Int32], ranks equal: (Int32, Int32) -> Bool) {
        var tied = TiedBits(count: order.count)
        for position in order.indices.dropFirst() where equal(order[position - 1], order[position]) { tied.set(position) }
        self.init(order: order, tied: tied)
    }

    @inline(__always)
    private func isTied(_ position: Int) -> Bool { tied[position >> 6] & (1 << UInt64(position & 63)) != 0 }

    /// The rows of `order` that pass `keep`, ascending, or descending with ties still in
    /// server order. Returns nil when `isCancelled` turns true (checked every 16,384 rows).
    public func walk(ascending: Bool, keep: (Int32) -> Bool, isCancelled: () -> Bool) -> [Int32]? {
        var result: [Int32] = []
        let count = order.count
        if ascending {
            for position in 0..<count {
                if position & 0x3FFF == 0, isCancelled() { return nil }
                let row = order[position]
                if keep(row) { result.append(row) }
            }
            return result
        }
        var end = count - 1
        var checked = count
        while end >= 0 {
            if checked - end > 0x3FFF {
                if isCancelled() { return nil }
                checked = end
            }
            // One group of equal keys, [start, end], emitted in server order.
            var start = end
            while start > 0, isTied(start) { start -= 1 }
            for position in start...end where keep(order[position]) { result.append(order[position]) }
            end = start - 1
        }
        return result
    }
}

/// One bit per position of an ordering: set where the key equals the one before.
struct TiedBits {
    private(set) var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    mutating func set(_ position: Int) { words[position >> 6] |= 1 << UInt64(position & 63) }
}
