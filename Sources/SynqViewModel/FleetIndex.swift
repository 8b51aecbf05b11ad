import Foundation
import SynqAPI

/// What a fleet needs to be searched and found quickly, built once per fleet (off the render
/// loop, on first use) and shared by every state that holds the fleet. Two parts, each built
/// when first needed, so a filter never waits for the id table nor a lookup for the text:
/// - `IDs`: an open-addressing hash table from id to row (4 bytes a slot, not a dictionary of strings);
/// - `FoldedText`: a lower-cased copy of the searchable text of the rows that have non-ASCII
///   text (ASCII rows are searched in place, comparing letters without case).
final class FleetIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: IDs?
    private var folded: FoldedText?

    struct IDs {
        var slots: [Int32]
        var mask: Int
    }

    struct FoldedText {
        /// The rows whose text is not ASCII, ascending (a handful in most fleets: per-row
        /// offsets for every row cost 8 MB at a million rows), and where each one's
        /// lower-cased text lies in `lowered`: `loweredStarts[i]..<loweredStarts[i + 1]`.
        var loweredRows: [Int32]
        var loweredStarts: [Int32]
        var lowered: [UInt8]
    }

    func ids(_ fleet: SynchronizerFleet) -> IDs { cached(\.ids) { Self.buildIDs(fleet) } }
    /// Whether the id table was built (a sort or a filter alone never needs it).
    var hasIDs: Bool { lock.withLock { ids != nil } }
    func folded(_ fleet: SynchronizerFleet) -> FoldedText { cached(\.folded) { Self.buildFolded(fleet) } }

    private func cached<Part>(_ part: ReferenceWritableKeyPath<FleetIndex, Part?>, _ build: () -> Part) -> Part {
        lock.withLock {
            if let known = self[keyPath: part] { return known }
            let made = build()
            self[keyPath: part] = made
            return made
        }
    }

    private static func buildIDs(_ fleet: SynchronizerFleet) -> IDs {
        let count = fleet.count
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        fleet.withUnsafeColumns { columns in
            for row in 0..<count {
                columns.withText(.id, row) { id in
                    var slot = hash(id) & mask
                    while slots[slot] >= 0 {
                        // A repeated id keeps its first row, as a dictionary built in order would.
                        if idEquals(columns, Int(slots[slot]), id) { break }
                        slot = (slot + 1) & mask
                    }
                    if slots[slot] < 0 { slots[slot] = Int32(row) }
                }
            }
        }
        return IDs(slots: slots, mask: mask)
    }

    /// Finds the non-ASCII rows by reading the arena eight bytes at a time (a byte with its
    /// high bit set is the only sign), so an ASCII fleet costs one quick pass.
    private static func buildFolded(_ fleet: SynchronizerFleet) -> FoldedText {
        var loweredRows: [Int32] = []
        var loweredStarts: [Int32] = [0]
        var lowered: [UInt8] = []
        fleet.arena.withUnsafeBytes { arena in
            guard let base = arena.baseAddress else { return }
            let end = fleet.count == 0 ? 0 : Int(fleet.rowStarts[fleet.count])
            var position = 0
            while position < end {
                while position + 8 <= end, (base + position).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    position += 8
                }
                // The byte with its high bit set is among the next eight (or in the tail).
                let stop = min(position + 8, end)
                var high = -1
                while position < stop {
                    if arena[position] >= 0x80 {
                        high = position
                        break
                    }
                    position += 1
                }
                guard high >= 0 else { continue }
                // The row holding that byte (a UUID kept as bytes is ASCII: the byte is in the arena).
                let low = fleet.withUnsafeColumns { $0.row(holding: high) }
                loweredRows.append(Int32(low))
                fleet.withSearchableText(low) { lowered.append(contentsOf: String(decoding: $0, as: UTF8.self).lowercased().utf8) }
                loweredStarts.append(Int32(lowered.count))
                position = Int(fleet.rowStarts[low + 1])
            }
        }
        return FoldedText(loweredRows: loweredRows, loweredStarts: loweredStarts, lowered: lowered)
    }

    /// FNV-1a over the id's bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

    static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
    }

    /// Whether the row's id is `id`'s text.
    @inline(__always)
    static func idEquals(_ columns: SynchronizerFleet.Columns, _ row: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        columns.withText(.id, row) { equal($0, id) }
    }
}

extension FleetIndex.FoldedText {
    /// Where the row's lower-cased text lies in `lowered`; nil when the row is ASCII.
    @inline(__always)
    func loweredRange(of row: Int) -> Range<Int>? {
        if loweredRows.isEmpty { return nil }
        var low = 0, high = loweredRows.count
        while low < high {
            let middle = (low + high) / 2
            if Int(loweredRows[middle]) < row { low = middle + 1 } else { high = middle }
        }
        guard low < loweredRows.count, Int(loweredRows[low]) == row else { return nil }
        return Int(loweredStarts[low])..<Int(loweredStarts[low + 1])
    }
}

extension FleetIndex.IDs {
    func row(of id: String, in fleet: SynchronizerFleet) -> Int? {
        var id = id
        return id.withUTF8 { id in
            fleet.withUnsafeColumns { columns in
                var slot = FleetIndex.hash(id) & mask
                while slots[slot] >= 0 {
                    let row = Int(slots[slot])
                    if FleetIndex.idEquals(columns, row, id) { return row }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }
}
