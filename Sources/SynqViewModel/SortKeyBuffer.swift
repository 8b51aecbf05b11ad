import Foundation

/// Sort keys of many rows in one buffer (case-folded text; for natural order, `NaturalKey`s),
/// and the rows' order by them. The sort is a radix sort eight key bytes at a time: every
/// row's first eight bytes are sorted as integers, then only rows whose eight bytes tie are
/// sorted again on their next eight, so a key is read once per step, never per comparison
/// (names share long prefixes: "prod-relay-…" ties for thousands of rows).
final class SortKeyBuffer {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var used = 0
    /// Where each row's key starts in `bytes`; one more entry than rows (the end).
    private var starts: [UInt32]

    /// Room for `rows` keys of about `bytes` bytes in all (it grows if they need more).
    init(rows: Int, bytes estimate: Int) {
        capacity = max(estimate, 64)
        bytes = Self.resized(nil, to: capacity)
        starts = [0]
        starts.reserveCapacity(rows + 1)
    }

    deinit { free(bytes) }

    var count: Int { starts.count - 1 }

    /// Row `row`'s key bytes.
    func key(_ row: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: bytes + Int(starts[row]), count: Int(starts[row + 1] - starts[row]))) }

    /// The key of row `count`, from its text: case-folded (`String.lowercased()` when the text
    /// is not ASCII) and, when `natural`, written as a `NaturalKey`.
    func append(_ text: UnsafeBufferPointer<UInt8>, natural: Bool) {
        var ascii = true
        for byte in text where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            write(text, natural: natural, lower: true)
        } else {
            var folded = String(decoding: text, as: UTF8.self).lowercased()
            folded.withUTF8 { write($0, natural: natural, lower: false) }
        }
        starts.append(UInt32(truncatingIfNeeded: used))
    }

    private func write(_ text: UnsafeBufferPointer<UInt8>, natural: Bool, lower: Bool) {
        reserve(natural ? NaturalKey.maxLength(text.count) : text.count)
        let out = bytes + used
        if natural {
            used += NaturalKey.write(text, lower: lower, to: out)
        } else {
            for index in 0..<text.count { out[index] = lower ? FoldedSearch.lower(text[index]) : text[index] }
            used += text.count
        }
    }

    /// Makes room for `extra` more bytes. `realloc`, because a large buffer is its own
    /// mapping that the C library can move without copying (a copy held both at once).
    private func reserve(_ extra: Int) {
        guard used + extra > capacity else { return }
        capacity = max(capacity + capacity / 2, used + extra)
        bytes = Self.resized(bytes, to: capacity)
    }

    private static func resized(_ bytes: UnsafeMutablePointer<UInt8>?, to capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let raw = realloc(bytes, capacity) else { fatalError("out of memory for \(capacity) bytes of sort keys") }
        return raw.bindMemory(to: UInt8.self, capacity: capacity)
    }

    /// The rows sorted by their keys (bytes compared, a shorter prefix first; ties by row),
    /// with which neighbours are equal.
    func ordering() -> ColumnOrdering {
        let count = self.count
        let entries = UnsafeMutableBufferPointer<RadixEntry>.allocate(capacity: count)
        let scratch = UnsafeMutableBufferPointer<RadixEntry>.allocate(capacity: count)
        defer {
            entries.deallocate()
            scratch.deallocate()
        }
        for row in 0..<count { entries[row] = RadixEntry(key: 0, row: UInt32(row)) }
        var tied = TiedBits(count: count)
        starts.withUnsafeBufferPointer { starts in
            // Ranges of positions whose keys agree on their first `depth * 8` bytes and go on.
            var pending: [(range: Range<Int>, depth: Int)] = count > 1 ? [(0..<count, 0)] : []
            while let (range, depth) = pending.popLast() {
                let offset = depth * 8
                for position in range { entries[position].key = chunk(Int(entries[position].row), at: offset, starts) }
                RadixEntry.sort(entries, range, scratch: scratch)
                var start = range.lowerBound
                while start < range.upperBound {
                    var end = start + 1
                    while end < range.upperBound, entries[end].key == entries[start].key { end += 1 }
                    if end - start > 1 {
                        splitTies(entries, start..<end, offset: offset, starts, scratch: scratch, tied: &tied) {
                            pending.append(($0, depth + 1))
                        }
                    }
                    start = end
                }
            }
        }
        let order = (0..<count).map { Int32(bitPattern: entries[$0].row) }
        return ColumnOrdering(order: order, tied: tied)
    }

    /// Positions whose keys have the same eight bytes at `offset`: keys that end within them
    /// come first, shortest first (zero padding made "ab" and "ab\0" tie), each length one
    /// group of equal keys; the keys that go on are handed to `goOn`, to sort on their next
    /// eight bytes. Stable, so equal keys stay in row order.
    private func splitTies(_ entries: UnsafeMutableBufferPointer<RadixEntry>, _ range: Range<Int>, offset: Int,
                           _ starts: UnsafeBufferPointer<UInt32>, scratch: UnsafeMutableBufferPointer<RadixEntry>,
                           tied: inout TiedBits, goOn: (Range<Int>) -> Void) {
        // Bytes left from `offset`, 9 meaning "more than these eight".
        func left(_ entry: RadixEntry) -> Int {
            let row = Int(entry.row)
            return min(max(Int(starts[row + 1]) - Int(starts[row]) - offset, 0), 9)
        }
        guard range.contains(where: { left(entries[$0]) <= 8 }) else {
            goOn(range)
            return
        }
        var bounds = [Int](repeating: 0, count: 11)
        for position in range { bounds[left(entries[position]) + 1] += 1 }
        for length in 1..<11 { bounds[length] += bounds[length - 1] }
        var next = bounds
        for position in range {
            let entry = entries[position]
            let length = left(entry)
            scratch[range.lowerBound + next[length]] = entry
            next[length] += 1
        }
        for position in range { entries[position] = scratch[position] }
        for length in 0...9 {
            let group = (range.lowerBound + bounds[length])..<(range.lowerBound + bounds[length + 1])
            if length == 9 {
                if group.count > 1 { goOn(group) }
            } else {
                for position in group.dropFirst() { tied.set(position) }
            }
        }
    }

    /// The key's eight bytes at `offset`, big-endian, zero-padded past its end.
    @inline(__always)
    private func chunk(_ row: Int, at offset: Int, _ starts: UnsafeBufferPointer<UInt32>) -> UInt64 {
        let start = Int(starts[row]) + offset, end = Int(starts[row + 1])
        if start + 8 <= end { return UInt64(bigEndian: UnsafeRawPointer(bytes + start).loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        for index in 0..<8 {
            value <<= 8
            if start + index < end { value |= UInt64(bytes[start + index]) }
        }
        return value
    }
}
