import Foundation

/// One poll of a list as the journal keeps it until the next poll: each row's id, name and
/// status back to back in one byte arena, its state and last use as plain numbers, and the
/// rows' order by id, sorted once when the snapshot is made. A million synchronizers are
/// a few arrays here, not a million `String`s, and `FleetDiff` walks two snapshots in id
/// order without hashing anything. Never holds a secret: a synchronizer's synq key is not
/// copied in.
public struct FleetSnapshot: Sendable {
    /// id, name and status bytes of every row, back to back.
    private var text: [UInt8] = []
    /// Where each row's bytes start in `text`.
    private var starts: [UInt32] = []
    private var idLengths: [UInt32] = []
    /// `absent` when the row has no name / no status.
    private var nameLengths: [UInt32] = []
    private var statusLengths: [UInt32] = []
    /// 1 enabled, 0 disabled, -1 not said.
    private var states: [Int8] = []
    /// Seconds since 1970; NaN when never used or not said.
    private var lastUsed: [Double] = []
    /// Row numbers in id order (bytewise); equal ids keep their poll order.
    private(set) var byID: [UInt32] = []

    private static let absent = UInt32.max

    public init(_ rows: [FleetRow]) {
        reserve(rows: rows.count, bytes: 0)
        for row in rows {
            var id = row.id, name = row.name, status = row.status
            id.withUTF8 { idBytes in
                withOptionalUTF8(&name) { nameBytes in
                    withOptionalUTF8(&status) { statusBytes in
                        append(id: UnsafeRawBufferPointer(idBytes), name: nameBytes.map(UnsafeRawBufferPointer.init),
                               status: statusBytes.map(UnsafeRawBufferPointer.init), enabled: row.enabled,
                               lastUsed: row.lastUsed?.timeIntervalSince1970 ?? .nan)
                    }
                }
            }
        }
        sortByID()
    }

    /// Builds the snapshot and its id order; `append` rows through `fill`.
    init(rows: Int, bytes: Int, fill: (inout FleetSnapshot) -> Void) {
        reserve(rows: rows, bytes: bytes)
        fill(&self)
        sortByID()
    }

    public var count: Int { starts.count }

    private mutating func reserve(rows: Int, bytes: Int) {
        text.reserveCapacity(bytes)
        starts.reserveCapacity(rows)
        idLengths.reserveCapacity(rows)
        nameLengths.reserveCapacity(rows)
        statusLengths.reserveCapacity(rows)
        states.reserveCapacity(rows)
        lastUsed.reserveCapacity(rows)
    }

    mutating func append(id: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer?, status: UnsafeRawBufferPointer?,
                         enabled: Bool?, lastUsed seconds: Double) {
        starts.append(UInt32(truncatingIfNeeded: text.count))
        text.append(contentsOf: id)
        idLengths.append(UInt32(truncatingIfNeeded: id.count))
        if let name { text.append(contentsOf: name) }
        nameLengths.append(name.map { UInt32(truncatingIfNeeded: $0.count) } ?? Self.absent)
        if let status { text.append(contentsOf: status) }
        statusLengths.append(status.map { UInt32(truncatingIfNeeded: $0.count) } ?? Self.absent)
        states.append(enabled.map { $0 ? 1 : 0 } ?? -1)
        lastUsed.append(seconds)
    }

    // MARK: - Reading rows

    /// The row as a plain value, made only for the few rows that changed.
    func row(_ index: Int) -> FleetRow {
        text.withUnsafeBufferPointer { bytes in
            FleetRow(id: String(decoding: UnsafeBufferPointer(rebasing: bytes[idRange(index)]), as: UTF8.self),
                     name: nameRange(index).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) },
                     enabled: states[index] < 0 ? nil : states[index] == 1,
                     status: statusRange(index).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) },
                     lastUsed: lastUsed[index].isNaN ? nil : Date(timeIntervalSince1970: lastUsed[index]))
        }
    }

    func idRange(_ index: Int) -> Range<Int> {
        let start = Int(starts[index])
        return start..<(start + Int(idLengths[index]))
    }

    func nameRange(_ index: Int) -> Range<Int>? {
        guard nameLengths[index] != Self.absent else { return nil }
        let start = Int(starts[index]) + Int(idLengths[index])
        return start..<(start + Int(nameLengths[index]))
    }

    func statusRange(_ index: Int) -> Range<Int>? {
        guard statusLengths[index] != Self.absent else { return nil }
        let start = Int(starts[index]) + Int(idLengths[index]) + (nameLengths[index] == Self.absent ? 0 : Int(nameLengths[index]))
        return start..<(start + Int(statusLengths[index]))
    }

    /// Reads the arena without copying it.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer(body)
    }

    /// True when the compared fields of `index` here and `other` of `snapshot` are the same
    /// (ids already matched). Compares bytes; no `String` is made.
    func sameValues(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, as other: Int, of snapshot: FleetSnapshot,
                    _ otherBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard states[index] == snapshot.states[other],
              lastUsed[index].bitPattern == snapshot.lastUsed[other].bitPattern else { return false }
        return Self.equal(nameRange(index), bytes, snapshot.nameRange(other), otherBytes)
            && Self.equal(statusRange(index), bytes, snapshot.statusRange(other), otherBytes)
    }

    private static func equal(_ left: Range<Int>?, _ leftBytes: UnsafeBufferPointer<UInt8>,
                              _ right: Range<Int>?, _ rightBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (let left?, let right?): return compareBytes(leftBytes, left, rightBytes, right) == 0
        default: return false
        }
    }

    /// Bytewise order of two byte ranges: negative, zero or positive.
    static func compareBytes(_ left: UnsafeBufferPointer<UInt8>, _ leftRange: Range<Int>,
                             _ right: UnsafeBufferPointer<UInt8>, _ rightRange: Range<Int>) -> Int {
        let shared = min(leftRange.count, rightRange.count)
        if shared > 0 {
            let order = memcmp(left.baseAddress! + leftRange.lowerBound, right.baseAddress! + rightRange.lowerBound, shared)
            if order != 0 { return Int(order) }
        }
        return leftRange.count - rightRange.count
    }

    // MARK: - Id order

    /// A row's place in the sort: its id's first eight bytes as a number (most sorts end
    /// there without touching the arena), then the whole id, then its position.
    private struct SortEntry {
        var prefix: UInt64
        var row: UInt32
    }

    private mutating func sortByID() {
        let rows = count
        byID = text.withUnsafeBufferPointer { bytes -> [UInt32] in
            var entries: [SortEntry] = []
            entries.reserveCapacity(rows)
            for row in 0..<rows {
                let range = idRange(row)
                var prefix: UInt64 = 0
                for offset in 0..<8 {
                    prefix <<= 8
                    if offset < range.count { prefix |= UInt64(bytes[range.lowerBound + offset]) }
                }
                entries.append(SortEntry(prefix: prefix, row: UInt32(row)))
            }
            entries.sort { left, right in
                if left.prefix != right.prefix { return left.prefix < right.prefix }
                let order = Self.compareBytes(bytes, idRange(Int(left.row)), bytes, idRange(Int(right.row)))
                return order != 0 ? order < 0 : left.row < right.row
            }
            return entries.map(\.row)
        }
    }
}

/// `body` with the UTF-8 of `text`, or with nil when there is no text.
private func withOptionalUTF8<R>(_ text: inout String?, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
    guard var value = text else { return body(nil) }
    return value.withUTF8 { body($0) }
}
