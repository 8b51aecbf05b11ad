import Foundation
import SynqAPI

/// What a fleet needs to be searched and found quickly, built once per fleet (off the render
/// loop, on first use) and shared by every state that holds the fleet:
/// - an open-addressing hash table from id to row (4 bytes a slot, not a dictionary of strings);
/// - a lower-cased copy of the searchable text of the rows that have non-ASCII text (ASCII
///   rows are searched in place, comparing letters without case).
final class FleetIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built: Built?

    struct Built {
        var slots: [Int32]
        var mask: Int
        /// The rows whose text is not ASCII, ascending (a handful in most fleets: per-row
        /// offsets for every row cost 8 MB at a million rows), and where each one's
        /// lower-cased text lies in `lowered`: `loweredStarts[i]..<loweredStarts[i + 1]`.
        var loweredRows: [Int32]
        var loweredStarts: [Int32]
        var lowered: [UInt8]
    }

    func get(_ fleet: SynchronizerFleet) -> Built {
        lock.withLock {
            if let built { return built }
            let made = Self.build(fleet)
            built = made
            return made
        }
    }

    private static func build(_ fleet: SynchronizerFleet) -> Built {
        let count = fleet.count
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        var loweredRows: [Int32] = []
        var loweredStarts: [Int32] = [0]
        var lowered: [UInt8] = []
        fleet.arena.withUnsafeBufferPointer { arena in
            for row in 0..<count {
                let id = UnsafeBufferPointer(rebasing: arena[fleet.idRange(row)])
                var slot = hash(id) & mask
                while slots[slot] >= 0 {
                    // A repeated id keeps its first row, as a dictionary built in order would.
                    if equal(arena, fleet.idRange(Int(slots[slot])), id) { break }
                    slot = (slot + 1) & mask
                }
                if slots[slot] < 0 { slots[slot] = Int32(row) }
                let text = UnsafeBufferPointer(rebasing: arena[fleet.textRange(row)])
                if text.contains(where: { $0 >= 0x80 }) {
                    loweredRows.append(Int32(row))
                    lowered.append(contentsOf: String(decoding: text, as: UTF8.self).lowercased().utf8)
                    loweredStarts.append(Int32(lowered.count))
                }
            }
        }
        return Built(slots: slots, mask: mask, loweredRows: loweredRows, loweredStarts: loweredStarts, lowered: lowered)
    }

    /// FNV-1a over the id's bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

    static func equal(_ arena: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count == bytes.count && (bytes.isEmpty || memcmp(arena.baseAddress! + range.lowerBound, bytes.baseAddress!, bytes.count) == 0)
    }
}

extension FleetIndex.Built {
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

    func row(of id: String, in fleet: SynchronizerFleet) -> Int? {
        var id = id
        return id.withUTF8 { id in
            fleet.arena.withUnsafeBufferPointer { arena in
                var slot = FleetIndex.hash(id) & mask
                while slots[slot] >= 0 {
                    let row = Int(slots[slot])
                    if FleetIndex.equal(arena, fleet.idRange(row), id) { return row }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }
}
