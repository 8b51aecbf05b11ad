import Foundation
import SynqAPI

/// Builds a column's ordering of the synchronizers straight from the fleet's bytes, with the
/// same order `SynchronizerRow.sortKey` defines (natural names, case-folded keys and ids,
/// dates with missing ones last, states as text): the keys of every row are written once
/// into one buffer (`SortKeyBuffer`) and the rows are radix-sorted on those bytes.
enum FleetOrdering {
    static func build(_ column: SynchronizerRow.Column, of storage: SynchronizerStorage) -> ColumnOrdering {
        let fleet = storage.fleet
        let edits = storage.editedRows
        let count = storage.count
        let unedited = edits.isEmpty
        func fromFleet(_ row: Int) -> Bool { row < fleet.count && (unedited || edits[row] == nil) }
        switch column {
        case .state:
            // Three keys, "disabled" < "enabled" < "unknown": a counting sort.
            var buckets: [[Int32]] = [[], [], []]
            for row in 0..<count {
                let enabled = fromFleet(row) ? fleet.isEnabled(at: row) : storage.row(at: row).isEnabled
                buckets[enabled == false ? 0 : enabled == true ? 1 : 2].append(Int32(row))
            }
            var tied = TiedBits(count: count)
            var position = 0
            for bucket in buckets {
                for offset in bucket.indices.dropFirst() { tied.set(position + offset) }
                position += bucket.count
            }
            return ColumnOrdering(order: buckets.flatMap { $0 }, tied: tied)
        case .created:
            var seconds = [Double](repeating: .nan, count: count)
            for row in 0..<count {
                seconds[row] = fromFleet(row)
                    ? fleet.createdAt[row] : (storage.row(at: row).createdAt?.timeIntervalSince1970 ?? .nan)
            }
            return seconds.withUnsafeBufferPointer { seconds in
                var order = (0..<count).map { Int32($0) }
                order.sort { a, b in
                    let x = seconds[Int(a)], y = seconds[Int(b)]
                    if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? a < b : y.isNaN }
                    return x == y ? a < b : x < y
                }
                return ColumnOrdering(order: order) { a, b in
                    let x = seconds[Int(a)], y = seconds[Int(b)]
                    return x == y || (x.isNaN && y.isNaN)
                }
            }
        case .name, .key, .id:
            let natural = column == .name
            let field: SynchronizerFleet.Field = column == .name ? .name : column == .key ? .key : .id
            return fleet.withUnsafeColumns { columns in
                func withText(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
                    if fromFleet(row) {
                        columns.withText(field, row, body)
                    } else {
                        let value = storage.row(at: row)
                        var text = column == .name ? value.name : column == .key ? value.key : value.id
                        text.withUTF8(body)
                    }
                }
                // The keys' bytes are about the text's (a natural key adds a little per number); the
                // buffer grows in place if they need more.
                var bytes = 0
                for row in 0..<count {
                    if fromFleet(row) { bytes += columns.textCount(field, row) } else { withText(row) { bytes += $0.count } }
                }
                let keys = SortKeyBuffer(rows: count, bytes: natural ? bytes + bytes / 2 : bytes)
                for row in 0..<count { withText(row) { keys.append($0, natural: natural) } }
                return keys.ordering()
            }
        }
    }
}
