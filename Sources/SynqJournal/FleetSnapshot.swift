import Foundation

/// One poll of a list as the journal keeps it until the next poll, laid out in id order:
/// each row's id, name and status back to back in one byte arena, and per row a small
/// fixed-size record (the id's first eight bytes as a number, where its text is, its state,
/// its last use and its place in the poll). The rows are sorted by id once, when the
/// snapshot is made, and stored sorted, so `FleetDiff` walks two snapshots front to back:
/// memory is read in order, most ids are told apart by their first eight bytes, and no
/// `String` is made for an unchanged row. Never holds a secret: a synchronizer's synq key
/// is not copied in.
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
    private(set) var records: [Record] = []

    /// A name or status length meaning "none".
    static let absent = UInt32.max

    public var count: Int { records.count }

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

    private init(text: [UInt8], records: [Record]) {
        self.text = text
        self.records = records
    }

    // MARK: - Reading rows

    /// The row as a plain value, made only for the few rows that changed.
    func row(_ index: Int) -> FleetRow {
        let record = records[index]
        return text.withUnsafeBufferPointer { bytes in
            func string(_ range: Range<Int>?) -> String? {
                range.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
            return FleetRow(id: string(Self.idRange(record))!, name: string(Self.nameRange(record)),
                            enabled: record.state < 0 ? nil : record.state == 1, status: string(Self.statusRange(record)),
                            lastUsed: record.lastUsed.isNaN ? nil : Date(timeIntervalSince1970: record.lastUsed))
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

    /// Reads the arena without copying it.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer(body)
    }

    /// Bytewise order of two rows' ids (negative, zero or positive), by prefix when it decides.
    static func compareIDs(_ left: Record, _ leftBytes: UnsafeBufferPointer<UInt8>, _ right: Record, _ rightBytes: UnsafeBufferPointer<UInt8>) -> Int {
        if left.prefix != right.prefix { return left.prefix < right.prefix ? -1 : 1 }
        return compareBytes(leftBytes, idRange(left), rightBytes, idRange(right))
    }

    /// True when two rows with the same id have the same compared fields. Compares bytes.
    static func sameValues(_ left: Record, _ leftBytes: UnsafeBufferPointer<UInt8>, _ right: Record, _ rightBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        left.state == right.state && left.lastUsed.bitPattern == right.lastUsed.bitPattern
            && equal(nameRange(left), leftBytes, nameRange(right), rightBytes)
            && equal(statusRange(left), leftBytes, statusRange(right), rightBytes)
    }

    private static func equal(_ left: Range<Int>?, _ leftBytes: UnsafeBufferPointer<UInt8>,
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
        let shared = min(leftRange.count, rightRange.count)
        if shared > 0 {
            let order = memcmp(left.baseAddress! + leftRange.lowerBound, right.baseAddress! + rightRange.lowerBound, shared)
            if order != 0 { return Int(order) }
        }
        return leftRange.count - rightRange.count
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
            var prefix: UInt64 = 0
            for offset in 0..<8 { prefix = prefix << 8 | UInt64(offset < id.count ? id[offset] : 0) }
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
