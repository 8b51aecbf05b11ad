import Foundation
import SynqAPI

/// One poll of a list as the journal keeps it until the next poll, read in id order.
///
/// Two layouts, one reading interface (`withRows`):
/// - rows given as values (Synvo keys, tests): each row's id, name and status back to
///   back in one byte arena laid out in id order, and per row a small fixed-size record
///   (the id's first eight bytes as a number, where its text is, its state, its last use and
///   its place in the poll);
/// - a synchronizer poll: the `SynchronizerFleet` the poll brought, shared with whoever else
///   holds it (the table), never copied, and its row numbers in id order (4 bytes a row).
///   Copying a million rows' ids and names out of the fleet cost about 100 MB kept beside
///   the fleet, and twice that while it was laid out. The diff reads the fleet's columns
///   through pointers taken once per walk (`withUnsafeColumns`): read through the fleet's
///   arrays, binding the fleet per field, a million rows' walk took 1.36 s instead of 0.45–0.49.
///   (Keeping each id's first eight bytes in id order beside the row numbers saved another
///   7%, for 8 MB more a million rows: not kept, the TUI's memory is the scarcer.)
///
/// The rows are sorted by id once, when the snapshot is made, so `FleetDiff` walks two
/// snapshots front to back and no `String` is made for an unchanged row. Never reads a
/// synchronizer's synq key: no key's bytes are copied, compared or made into a row.
public struct FleetSnapshot: Sendable {
    /// One row, in id order.
    struct Record {
        /// The id's first eight bytes, big-endian (zero-padded): ids whose prefixes differ
        /// compare without touching `text`.
        var prefix: UInt64
        var lastUsed: Double
        var start: UInt32
        var idLength: UInt32
        var nameLength: UInt32
        var statusLength: UInt32
        /// The row's place in the poll, as the server listed it.
        var position: UInt32
        /// 1 enabled, 0 disabled, -1 not said.
        var state: Int8
    }

    /// id, name and status bytes of every row, back to back, rows in id order.
    private var text: [UInt8] = []
    /// The rows in id order; equal ids keep their poll order.
    private var records: [Record] = []
    /// A synchronizer poll: the fleet itself, and its rows in id order (equal ids in poll order).
    private var fleet: SynchronizerFleet?
    private var fleetOrder: [UInt32] = []

    /// A name or status length meaning "none".
    static let absent = UInt32.max

    public var count: Int { fleet == nil ? records.count : fleetOrder.count }

    public init(_ rows: [FleetRow]) {
        var builder = Builder(rows: rows.count, bytes: 0)
        for row in rows {
            var id = row.id, name = row.name, status = row.status
            id.withUTF8 { idBytes in
                withOptionalUTF8(&name) { nameBytes in
                    withOptionalUTF8(&status) { statusBytes in
                        builder.append(id: UnsafeRawBufferPointer(idBytes), name: nameBytes.map(UnsafeRawBufferPointer.init),
                                       status: statusBytes.map(UnsafeRawBufferPointer.init), enabled: row.enabled,
                                       lastUsed: row.lastUsed?.timeIntervalSince1970 ?? .nan)
                    }
                }
            }
        }
        self = builder.sorted()
    }

    /// Sorts the fleet's row numbers by id, reading the ids where they lie in its arena.
    /// What is sorted is a 16-byte key per row (freed once sorted); the id's first 8 bytes
    /// decide almost every comparison.
    public init(_ fleet: SynchronizerFleet) {
        struct SortKey {
            var prefix: UInt64
            var row: UInt32
        }
        let keys = fleet.withUnsafeColumns { columns in
            var keys = [SortKey]()
            keys.reserveCapacity(columns.count)
            for row in 0..<columns.count {
                keys.append(SortKey(prefix: Self.idPrefix(columns, row), row: UInt32(truncatingIfNeeded: row)))
            }
            keys.sort { left, right in
                if left.prefix != right.prefix { return left.prefix < right.prefix }
                let order = Self.compareIDs(columns, Int(left.row), columns, Int(right.row))
                return order != 0 ? order < 0 : left.row < right.row
            }
            return keys
        }
        self.init(text: [], records: [])
        self.fleet = fleet
        fleetOrder = keys.map(\.row)
    }

    private init(text: [UInt8], records: [Record]) {
        self.text = text
        self.records = records
    }

    /// The first eight bytes of an id, big-endian, zero-padded.
    static func prefix(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for offset in 0..<8 { prefix = prefix << 8 | UInt64(offset < id.count ? id[offset] : 0) }
        return prefix
    }

    /// `prefix` of a fleet row's id, read from its UUID when the fleet keeps it as one.
    @inline(__always)
    static func idPrefix(_ columns: SynchronizerFleet.Columns, _ row: Int) -> UInt64 {
        if let uuid = columns.uuid(.id, row) { return uuid.textPrefix }
        return prefix(UnsafeBufferPointer(rebasing: columns.arena[columns.textRange(.id, row)!]))
    }

    /// Bytewise order of two fleet rows' ids (of one fleet or two): two kept UUIDs compare as
    /// numbers, which is their texts' order; otherwise their texts compare.
    @inline(__always)
    static func compareIDs(_ left: SynchronizerFleet.Columns, _ leftRow: Int, _ right: SynchronizerFleet.Columns, _ rightRow: Int) -> Int {
        if let a = left.uuid(.id, leftRow), let b = right.uuid(.id, rightRow) { return a == b ? 0 : a < b ? -1 : 1 }
        return compareIDTexts(left, leftRow, right, rightRow)
    }

    /// `compareIDs` when either id is text: kept out of line, so the sort's and the diff's
    /// loops, which nearly always compare two UUIDs, stay small enough to be inlined.
    @inline(never)
    static func compareIDTexts(_ left: SynchronizerFleet.Columns, _ leftRow: Int, _ right: SynchronizerFleet.Columns, _ rightRow: Int) -> Int {
        left.withText(.id, leftRow) { a in right.withText(.id, rightRow) { b in compareBytes(a, b) } }
    }

    /// Whether the snapshot reads `fleet`'s own bytes (holds no copy of them).
    func shares(_ other: SynchronizerFleet) -> Bool {
        guard let fleet else { return false }
        return fleet.arena.withUnsafeBufferPointer { mine in
            other.arena.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress }
        }
    }

    // MARK: - Reading rows

    /// The rows in id order, read in place: valid inside `body` only.
    func withRows<R>(_ body: (Rows) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer { text in
            try records.withUnsafeBufferPointer { records in
                try fleetOrder.withUnsafeBufferPointer { order in
                    if let fleet {
                        return try fleet.withUnsafeColumns { columns in
                            try body(Rows(count: order.count, bytes: columns.arena, records: records, columns: columns, order: order))
                        }
                    }
                    return try body(Rows(count: records.count, bytes: text, records: records, columns: nil, order: order))
                }
            }
        }
    }

    /// The row at `index` (id order) as a plain value, made only for the few rows that changed.
    func row(_ index: Int) -> FleetRow { withRows { $0.row(index) } }

    /// A snapshot's rows in id order, over either layout.
    struct Rows {
        let count: Int
        /// `text`, or the fleet's arena.
        let bytes: UnsafeBufferPointer<UInt8>
        let records: UnsafeBufferPointer<Record>
        /// A synchronizer poll's fleet, read in place; nil for rows given as values.
        let columns: SynchronizerFleet.Columns?
        let order: UnsafeBufferPointer<UInt32>

        /// The id's text, valid inside `body` only.
        func withID<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let columns { return columns.withText(.id, Int(order[index]), body) }
            return body(UnsafeBufferPointer(rebasing: bytes[FleetSnapshot.idRange(records[index])]))
        }

        func name(_ index: Int) -> Range<Int>? {
            if let columns { return columns.textRange(.name, Int(order[index])) }
            return FleetSnapshot.nameRange(records[index])
        }

        func status(_ index: Int) -> Range<Int>? {
            columns == nil ? FleetSnapshot.statusRange(records[index]) : nil
        }

        func state(_ index: Int) -> Int8 {
            if let columns { return columns.enabledStates[Int(order[index])] }
            return records[index].state
        }

        func lastUsed(_ index: Int) -> Double { columns == nil ? records[index].lastUsed : .nan }

        /// The row's place in the poll, as the server listed it.
        func position(_ index: Int) -> Int { columns == nil ? Int(records[index].position) : Int(order[index]) }

        /// The id's first eight bytes, big-endian.
        @inline(__always)
        func prefix(_ index: Int) -> UInt64 {
            if let columns { return FleetSnapshot.idPrefix(columns, Int(order[index])) }
            return records[index].prefix
        }

        /// Bytewise order of the ids of row `index` here and row `other` of `rows`: their
        /// first eight bytes decide unless they are equal.
        @inline(__always)
        func compareID(_ index: Int, _ rows: Rows, _ other: Int) -> Int {
            let mine = prefix(index), theirs = rows.prefix(other)
            if mine != theirs { return mine < theirs ? -1 : 1 }
            if let columns, let theirs = rows.columns {
                return FleetSnapshot.compareIDs(columns, Int(order[index]), theirs, Int(rows.order[other]))
            }
            return compareIDTexts(index, rows, other)
        }

        @inline(never)
        private func compareIDTexts(_ index: Int, _ rows: Rows, _ other: Int) -> Int {
            withID(index) { a in rows.withID(other) { b in FleetSnapshot.compareBytes(a, b) } }
        }

        /// True when row `index` here and row `other` of `rows` (same id) have the same compared fields.
        func sameValues(_ index: Int, _ rows: Rows, _ other: Int) -> Bool {
            state(index) == rows.state(other) && lastUsed(index).bitPattern == rows.lastUsed(other).bitPattern
                && FleetSnapshot.equal(name(index), bytes, rows.name(other), rows.bytes)
                && FleetSnapshot.equal(status(index), bytes, rows.status(other), rows.bytes)
        }

        func row(_ index: Int) -> FleetRow {
            func string(_ range: Range<Int>?) -> String? {
                range.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
            let state = state(index), lastUsed = lastUsed(index)
            return FleetRow(id: withID(index) { String(decoding: $0, as: UTF8.self) }, name: string(name(index)),
                            enabled: state < 0 ? nil : state == 1, status: string(status(index)),
                            lastUsed: lastUsed.isNaN ? nil : Date(timeIntervalSince1970: lastUsed))
        }
    }

    static func idRange(_ record: Record) -> Range<Int> {
        Int(record.start)..<(Int(record.start) + Int(record.idLength))
    }

    static func nameRange(_ record: Record) -> Range<Int>? {
        guard record.nameLength != absent else { return nil }
        let start = Int(record.start) + Int(record.idLength)
        return start..<(start + Int(record.nameLength))
    }

    static func statusRange(_ record: Record) -> Range<Int>? {
        guard record.statusLength != absent else { return nil }
        let start = Int(record.start) + Int(record.idLength) + (record.nameLength == absent ? 0 : Int(record.nameLength))
        return start..<(start + Int(record.statusLength))
    }

    static func equal(_ left: Range<Int>?, _ leftBytes: UnsafeBufferPointer<UInt8>,
                      _ right: Range<Int>?, _ rightBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch (left, right) {
        case (nil, nil): true
        case (let left?, let right?): compareBytes(leftBytes, left, rightBytes, right) == 0
        default: false
        }
    }

    /// Bytewise order of two byte ranges: negative, zero or positive.
    static func compareBytes(_ left: UnsafeBufferPointer<UInt8>, _ leftRange: Range<Int>,
                             _ right: UnsafeBufferPointer<UInt8>, _ rightRange: Range<Int>) -> Int {
        compareBytes(UnsafeBufferPointer(rebasing: left[leftRange]), UnsafeBufferPointer(rebasing: right[rightRange]))
    }

    /// Bytewise order of two byte strings: negative, zero or positive.
    static func compareBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(left.count, right.count)
        if shared > 0 {
            let order = memcmp(left.baseAddress!, right.baseAddress!, shared)
            if order != 0 { return Int(order) }
        }
        return left.count - right.count
    }

    // MARK: - Building

    /// Collects a poll's rows in the server's order, then lays them out sorted by id.
    struct Builder {
        private var text: [UInt8] = []
        private var records: [Record] = []

        init(rows: Int, bytes: Int) {
            text.reserveCapacity(bytes)
            records.reserveCapacity(rows)
        }

        mutating func append(id: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer?, status: UnsafeRawBufferPointer?,
                             enabled: Bool?, lastUsed seconds: Double) {
            let prefix = FleetSnapshot.prefix(UnsafeBufferPointer(start: id.baseAddress?.assumingMemoryBound(to: UInt8.self), count: id.count))
            records.append(Record(prefix: prefix, lastUsed: seconds, start: UInt32(truncatingIfNeeded: text.count),
                                  idLength: UInt32(truncatingIfNeeded: id.count),
                                  nameLength: name.map { UInt32(truncatingIfNeeded: $0.count) } ?? FleetSnapshot.absent,
                                  statusLength: status.map { UInt32(truncatingIfNeeded: $0.count) } ?? FleetSnapshot.absent,
                                  position: UInt32(truncatingIfNeeded: records.count), state: enabled.map { $0 ? 1 : 0 } ?? -1))
            text.append(contentsOf: id)
            if let name { text.append(contentsOf: name) }
            if let status { text.append(contentsOf: status) }
        }

        /// Sorts the rows by id (then poll order) and copies records and text into that
        /// order, so whoever walks the snapshot reads it front to back. What is sorted is
        /// a 16-byte key per row; the prefix decides almost every comparison.
        consuming func sorted() -> FleetSnapshot {
            struct SortKey {
                var prefix: UInt64
                var row: Int
            }
            let text = self.text
            let records = self.records
            var sortedText: [UInt8] = []
            sortedText.reserveCapacity(text.count)
            var sortedRecords: [Record] = []
            sortedRecords.reserveCapacity(records.count)
            text.withUnsafeBufferPointer { bytes in
                records.withUnsafeBufferPointer { records in
                    var keys = records.indices.map { SortKey(prefix: records[$0].prefix, row: $0) }
                    keys.sort { left, right in
                        if left.prefix != right.prefix { return left.prefix < right.prefix }
                        let order = FleetSnapshot.compareBytes(bytes, FleetSnapshot.idRange(records[left.row]),
                                                               bytes, FleetSnapshot.idRange(records[right.row]))
                        return order != 0 ? order < 0 : left.row < right.row
                    }
                    for key in keys {
                        var record = records[key.row]
                        let start = Int(record.start)
                        let end = (FleetSnapshot.statusRange(record) ?? FleetSnapshot.nameRange(record) ?? FleetSnapshot.idRange(record)).upperBound
                        record.start = UInt32(truncatingIfNeeded: sortedText.count)
                        sortedText.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        sortedRecords.append(record)
                    }
                }
            }
            return FleetSnapshot(text: sortedText, records: sortedRecords)
        }
    }
}

/// `body` with the UTF-8 of `text`, or with nil when there is no text.
private func withOptionalUTF8<R>(_ text: inout String?, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
    guard var value = text else { return body(nil) }
    return value.withUTF8 { body($0) }
}
