/// A row and eight bytes of its sort key, big-endian in one integer: what a radix pass sorts.
struct RadixEntry {
    var key: UInt64
    var row: UInt32

    /// Sorts `range` of `entries` by key, stably (equal keys keep their order): least
    /// significant byte first, one counting pass per byte, skipping the bytes every key
    /// shares; a short range by insertion. `scratch` is as large as `entries`.
    static func sort(_ entries: UnsafeMutableBufferPointer<RadixEntry>, _ range: Range<Int>,
                     scratch: UnsafeMutableBufferPointer<RadixEntry>) {
        guard range.count > 1 else { return }
        if range.count < 48 {
            for position in (range.lowerBound + 1)..<range.upperBound {
                let entry = entries[position]
                var hole = position
                while hole > range.lowerBound, entries[hole - 1].key > entry.key {
                    entries[hole] = entries[hole - 1]
                    hole -= 1
                }
                entries[hole] = entry
            }
            return
        }
        let histograms = UnsafeMutablePointer<Int>.allocate(capacity: 8 * 256)
        defer { histograms.deallocate() }
        histograms.initialize(repeating: 0, count: 8 * 256)
        for position in range {
            let key = entries[position].key
            for byte in 0..<8 { histograms[byte * 256 + Int(truncatingIfNeeded: key >> (byte * 8) & 0xFF)] += 1 }
        }
        var source = entries, target = scratch
        let first = entries[range.lowerBound].key
        for byte in 0..<8 {
            let histogram = histograms + byte * 256
            if histogram[Int(truncatingIfNeeded: first >> (byte * 8) & 0xFF)] == range.count { continue }
            var offset = range.lowerBound
            for value in 0..<256 {
                let count = histogram[value]
                histogram[value] = offset
                offset += count
            }
            for position in range {
                let entry = source[position]
                let value = Int(truncatingIfNeeded: entry.key >> (byte * 8) & 0xFF)
                target[histogram[value]] = entry
                histogram[value] += 1
            }
            swap(&source, &target)
        }
        if source.baseAddress != entries.baseAddress {
            for position in range { entries[position] = source[position] }
        }
    }
}
