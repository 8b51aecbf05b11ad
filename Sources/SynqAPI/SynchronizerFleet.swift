import Foundation

/// A whole fleet of synchronizers held compactly: one contiguous arena of UTF-8 bytes
/// (each row's name, key and id, one newline after each), row offsets, dates as seconds
/// and states as bytes. A million synchronizers are about 110 MB here, against several
/// hundred as a million structs of separate strings.
///
/// It is a collection of `Synchronizer` values, made on demand for the rows read, so a
/// screen or a printer reads a few rows or streams them all without holding models.
/// The text is the server's, unchanged (valid UTF-8, checked while parsing): whoever
/// shows it sanitizes it.
public struct SynchronizerFleet: Sendable, Equatable, RandomAccessCollection {
    /// name \n key \n id \n for every row, back to back.
    public private(set) var arena: [UInt8]
    /// Where each row starts in `arena`; one more entry than rows (the end).
    public private(set) var rowStarts: [UInt32]
    /// Byte length of each row's name and key (the id runs to the row's last newline).
    private var nameLengths: [UInt32]
    private var keyLengths: [UInt32]
    /// Seconds since 1970 of `createdAt`; NaN when the server sent none.
    public private(set) var createdAt: [Double]
    /// 1 enabled, 0 disabled, -1 not said.
    public private(set) var enabledStates: [Int8]

    public init() {
        arena = []
        rowStarts = [0]
        nameLengths = []
        keyLengths = []
        createdAt = []
        enabledStates = []
    }

    public init<S: Sequence>(_ synchronizers: S) where S.Element == Synchronizer {
        self.init()
        for synchronizer in synchronizers { append(synchronizer) }
    }

    /// Room for about this many bytes of text, so a large list grows its arena once.
    public mutating func reserveArena(_ bytes: Int) { arena.reserveCapacity(bytes) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { nameLengths.count }

    public subscript(position: Int) -> Synchronizer {
        Synchronizer(id: id(at: position), key: key(at: position), name: name(at: position),
                     isEnabled: isEnabled(at: position), createdAt: createdDate(at: position))
    }

    // MARK: - Fields by row

    public func name(at row: Int) -> String { string(nameRange(row)) }
    public func key(at row: Int) -> String { string(keyRange(row)) }
    public func id(at row: Int) -> String { string(idRange(row)) }

    public func isEnabled(at row: Int) -> Bool? {
        switch enabledStates[row] {
        case 1: true
        case 0: false
        default: nil
        }
    }

    public func createdDate(at row: Int) -> Date? {
        let seconds = createdAt[row]
        return seconds.isNaN ? nil : Date(timeIntervalSince1970: seconds)
    }

    /// Byte ranges in `arena` of a row's fields.
    public func nameRange(_ row: Int) -> Range<Int> {
        Self.nameRange(start: rowStarts[row], nameLength: nameLengths[row])
    }

    public func keyRange(_ row: Int) -> Range<Int> {
        Self.keyRange(start: rowStarts[row], nameLength: nameLengths[row], keyLength: keyLengths[row])
    }

    public func idRange(_ row: Int) -> Range<Int> {
        Self.idRange(start: rowStarts[row], nameLength: nameLengths[row], keyLength: keyLengths[row], end: rowStarts[row + 1])
    }

    // The layout of one row, `name \n key \n id \n` from `start` to `end`: the one definition
    // both the fleet and its `Columns` read.
    @inline(__always)
    static func nameRange(start: UInt32, nameLength: UInt32) -> Range<Int> {
        Int(start)..<(Int(start) + Int(nameLength))
    }

    @inline(__always)
    static func keyRange(start: UInt32, nameLength: UInt32, keyLength: UInt32) -> Range<Int> {
        let keyStart = Int(start) + Int(nameLength) + 1
        return keyStart..<(keyStart + Int(keyLength))
    }

    @inline(__always)
    static func idRange(start: UInt32, nameLength: UInt32, keyLength: UInt32, end: UInt32) -> Range<Int> {
        (Int(start) + Int(nameLength) + 1 + Int(keyLength) + 1)..<(Int(end) - 1)
    }

    /// The fleet's storage as pointers, for a walk over many rows in an order of its own (the
    /// journal's diff, in id order): reading a field then costs a load, not an array access
    /// and a retain of the fleet per field. Valid inside `body` only.
    public func withUnsafeColumns<R>(_ body: (Columns) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer { arena in
            try rowStarts.withUnsafeBufferPointer { rowStarts in
                try nameLengths.withUnsafeBufferPointer { nameLengths in
                    try keyLengths.withUnsafeBufferPointer { keyLengths in
                        try enabledStates.withUnsafeBufferPointer { enabledStates in
                            try createdAt.withUnsafeBufferPointer { createdAt in
                                try body(Columns(arena: arena, rowStarts: rowStarts, nameLengths: nameLengths,
                                                 keyLengths: keyLengths, enabledStates: enabledStates, createdAt: createdAt))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A fleet's columns, borrowed (see `withUnsafeColumns`).
    public struct Columns {
        public let arena: UnsafeBufferPointer<UInt8>
        let rowStarts: UnsafeBufferPointer<UInt32>
        let nameLengths: UnsafeBufferPointer<UInt32>
        let keyLengths: UnsafeBufferPointer<UInt32>
        /// 1 enabled, 0 disabled, -1 not said.
        public let enabledStates: UnsafeBufferPointer<Int8>
        /// Seconds since 1970; NaN when the server sent none.
        public let createdAt: UnsafeBufferPointer<Double>

        public var count: Int { nameLengths.count }

        @inline(__always)
        public func keyRange(_ row: Int) -> Range<Int> {
            SynchronizerFleet.keyRange(start: rowStarts[row], nameLength: nameLengths[row], keyLength: keyLengths[row])
        }

        @inline(__always)
        public func nameRange(_ row: Int) -> Range<Int> {
            SynchronizerFleet.nameRange(start: rowStarts[row], nameLength: nameLengths[row])
        }

        @inline(__always)
        public func idRange(_ row: Int) -> Range<Int> {
            SynchronizerFleet.idRange(start: rowStarts[row], nameLength: nameLengths[row], keyLength: keyLengths[row],
                                      end: rowStarts[row + 1])
        }
    }

    /// The row's name, key and id as they lie in the arena, joined by newlines.
    public func textRange(_ row: Int) -> Range<Int> { Int(rowStarts[row])..<(Int(rowStarts[row + 1]) - 1) }

    private func string(_ range: Range<Int>) -> String {
        arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    // MARK: - Building

    public mutating func append(_ synchronizer: Synchronizer) {
        var name = synchronizer.name, key = synchronizer.key, id = synchronizer.id
        name.withUTF8 { n in key.withUTF8 { k in id.withUTF8 { i in
            append(name: UnsafeRawBufferPointer(n), key: UnsafeRawBufferPointer(k), id: UnsafeRawBufferPointer(i),
                   enabled: synchronizer.isEnabled, createdAt: synchronizer.createdAt?.timeIntervalSince1970 ?? .nan)
        } } }
    }

    /// Appends one validated row from its UTF-8 fields.
    public mutating func append(name: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer, id: UnsafeRawBufferPointer,
                                enabled: Bool?, createdAt seconds: Double) {
        let newline = UInt8(ascii: "\n")
        arena.append(contentsOf: name); arena.append(newline)
        arena.append(contentsOf: key); arena.append(newline)
        arena.append(contentsOf: id); arena.append(newline)
        rowStarts.append(UInt32(truncatingIfNeeded: arena.count))
        nameLengths.append(UInt32(truncatingIfNeeded: name.count))
        keyLengths.append(UInt32(truncatingIfNeeded: key.count))
        createdAt.append(seconds)
        enabledStates.append(enabled.map { $0 ? 1 : 0 } ?? -1)
    }

    public static func == (lhs: SynchronizerFleet, rhs: SynchronizerFleet) -> Bool {
        // Dates compare bit for bit, so two missing dates (NaN) are equal.
        lhs.rowStarts == rhs.rowStarts && lhs.nameLengths == rhs.nameLengths && lhs.keyLengths == rhs.keyLengths
            && lhs.enabledStates == rhs.enabledStates && lhs.arena == rhs.arena
            && lhs.createdAt.withUnsafeBytes { a in rhs.createdAt.withUnsafeBytes { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
    }

    /// The most text one fleet holds: offsets are 32-bit, and a response is capped well below.
    public static let maxArenaBytes = Int(UInt32.max) - 1
}
