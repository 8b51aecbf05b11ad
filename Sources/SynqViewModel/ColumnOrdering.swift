import Foundation

/// Every row of a table in ascending order of one column (ties in server order), with each
/// row's rank, so any filtered and sorted view is one pass over it: no sort per keystroke.
/// Built once per column per data set.
public struct ColumnOrdering: Sendable {
    /// Row indices, ascending by the column's key; equal keys by index.
    public let order: [Int32]
    /// `rank[row]`: equal keys have equal ranks, a greater key a greater rank.
    public let rank: [Int32]

    public init(order: [Int32], rank: [Int32]) {
        self.order = order
        self.rank = rank
    }

    /// Orders rows by comparable keys (small tables).
    public init<Key: Comparable>(keys: [Key]) {
        var order = (0..<keys.count).map { Int32($0) }
        order.sort { keys[Int($0)] == keys[Int($1)] ? $0 < $1 : keys[Int($0)] < keys[Int($1)] }
        self.init(order: order, ranks: { keys[Int($0)] == keys[Int($1)] })
    }

    /// Ranks from an order and an "equal keys" test of neighbours.
    public init(order: [Int32], ranks equal: (Int32, Int32) -> Bool) {
        var rank = [Int32](repeating: 0, count: order.count)
        var current: Int32 = 0
        for position in order.indices {
            if position > 0, !equal(order[position - 1], order[position]) { current += 1 }
            rank[Int(order[position])] = current
        }
        self.init(order: order, rank: rank)
    }

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
            let groupRank = rank[Int(order[end])]
            while start > 0, rank[Int(order[start - 1])] == groupRank { start -= 1 }
            for position in start...end where keep(order[position]) { result.append(order[position]) }
            end = start - 1
        }
        return result
    }
}
