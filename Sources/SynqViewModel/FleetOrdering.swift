import Foundation
import SynqAPI

/// Builds a column's ordering of the synchronizers straight from the fleet's bytes, with the
/// same order `SynchronizerRow.sortKey` defines (natural names, case-folded keys and ids,
/// dates with missing ones last, states as text): the keys of every row are written once
/// into one buffer and the row numbers are sorted by comparing those bytes.
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
            var rank = [Int32](repeating: 0, count: count)
            for (value, bucket) in buckets.enumerated() { for row in bucket { rank[Int(row)] = Int32(value) } }
            return ColumnOrdering(order: buckets.flatMap { $0 }, rank: rank)
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
            func withText(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
                if fromFleet(row) {
                    let range = column == .name ? fleet.nameRange(row) : column == .key ? fleet.keyRange(row) : fleet.idRange(row)
                    fleet.arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
                } else {
                    let value = storage.row(at: row)
                    var text = column == .name ? value.name : column == .key ? value.key : value.id
                    text.withUTF8(body)
                }
            }
            // Measured first, so the buffer is allocated once at its size: growing it by
            // doubling held up to three times the keys' bytes at the load's peak.
            var bytes = 0
            for row in 0..<count { withText(row) { bytes += SortKeyBytes.length(of: $0, natural: natural) } }
            var keys = SortKeyBytes(rows: count, bytes: bytes)
            for row in 0..<count { withText(row) { keys.append($0, natural: natural) } }
            return keys.ordering()
        }
    }
}

/// Sort keys of many rows in one buffer: case-folded text, with digit runs left-padded to
/// a common width for natural order (the bytes `SortKey.natural` compares).
struct SortKeyBytes {
    private(set) var bytes: [UInt8] = []
    private var starts: [UInt32] = [0]

    /// Room for `rows` keys of `bytes` bytes in all (`length(of:natural:)` of each).
    init(rows: Int, bytes: Int) {
        self.bytes.reserveCapacity(bytes)
        starts.reserveCapacity(rows + 1)
    }

    /// How many bytes `append` writes for `text`.
    static func length(of text: UnsafeBufferPointer<UInt8>, natural: Bool) -> Int {
        guard text.contains(where: { $0 >= 0x80 }) else { return foldedLength(text, natural: natural) }
        var folded = String(decoding: text, as: UTF8.self).lowercased()
        return folded.withUTF8 { foldedLength($0, natural: natural) }
    }

    private static func foldedLength(_ text: UnsafeBufferPointer<UInt8>, natural: Bool) -> Int {
        guard natural else { return text.count }
        var length = text.count
        var index = 0
        while index < text.count {
            guard text[index] &- 0x30 < 10 else {
                index += 1
                continue
            }
            var end = index
            while end < text.count, text[end] &- 0x30 < 10 { end += 1 }
            if end - index < SortKey.numberWidth { length += SortKey.numberWidth - (end - index) }
            index = end
        }
        return length
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>, natural: Bool) {
        if text.contains(where: { $0 >= 0x80 }) {
            var folded = String(decoding: text, as: UTF8.self).lowercased()
            folded.withUTF8 { appendFolded($0, natural: natural, lower: false) }
        } else {
            appendFolded(text, natural: natural, lower: true)
        }
        starts.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    private mutating func appendFolded(_ text: UnsafeBufferPointer<UInt8>, natural: Bool, lower: Bool) {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if natural, byte &- 0x30 < 10 {
                var end = index
                while end < text.count, text[end] &- 0x30 < 10 { end += 1 }
                let length = end - index
                if length < SortKey.numberWidth { bytes.append(contentsOf: repeatElement(0x30, count: SortKey.numberWidth - length)) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
                index = end
                continue
            }
            bytes.append(lower ? FoldedSearch.lower(byte) : byte)
            index += 1
        }
    }

    /// The rows sorted by their keys (bytes compared, a shorter prefix first; ties by row).
    ///
    /// Each row's first 8 key bytes are read once into one big-endian integer (zero-padded,
    /// which keeps a key before the longer keys it begins), and the sort compares those
    /// integers: random keys and ids (UUIDs) differ there nearly always, so a million rows
    /// sort without touching their bytes again; only equal prefixes compare the rest.
    func ordering() -> ColumnOrdering {
        let count = starts.count - 1
        return bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                func compare(_ a: Int32, _ b: Int32) -> Int {
                    let aStart = Int(starts[Int(a)]), bStart = Int(starts[Int(b)])
                    let aLength = Int(starts[Int(a) + 1]) - aStart, bLength = Int(starts[Int(b) + 1]) - bStart
                    let common = min(aLength, bLength)
                    if common > 0 {
                        let result = memcmp(bytes.baseAddress! + aStart, bytes.baseAddress! + bStart, common)
                        if result != 0 { return Int(result) }
                    }
                    return aLength - bLength
                }
                var entries = [PrefixEntry]()
                entries.reserveCapacity(count)
                for row in 0..<count {
                    let start = Int(starts[row]), end = Int(starts[row + 1])
                    var prefix: UInt64 = 0
                    for offset in 0..<8 {
                        prefix <<= 8
                        if start + offset < end { prefix |= UInt64(bytes[start + offset]) }
                    }
                    entries.append(PrefixEntry(prefix: prefix, row: Int32(row)))
                }
                entries.sort { a, b in
                    if a.prefix != b.prefix { return a.prefix < b.prefix }
                    let result = compare(a.row, b.row)
                    return result == 0 ? a.row < b.row : result < 0
                }
                let order = entries.map(\.row)
                return ColumnOrdering(order: order) { compare($0, $1) == 0 }
            }
        }
    }
}

/// A row and the first 8 bytes of its sort key, as one integer.
private struct PrefixEntry {
    var prefix: UInt64
    var row: Int32
}
