import Foundation

/// A whole fleet of synchronizers held compactly: one contiguous arena of UTF-8 bytes
/// (each row's name, then its key and id when they are not canonical UUIDs, one newline
/// after each), ids and keys that are canonical UUIDs as 16 bytes each, row offsets, dates as
/// seconds and states as bytes. A million synchronizers are about 80 MB here, against
/// several hundred as a million structs of separate strings (and 120 with the UUIDs as text).
///
/// It is a collection of `Synchronizer` values, made on demand for the rows read, so a
/// screen or a printer reads a few rows or streams them all without holding models.
/// The text is the server's, unchanged (valid UTF-8, checked while parsing; a UUID kept as
/// bytes is formatted back to exactly the text that came): whoever shows it sanitizes it.
public struct SynchronizerFleet: Sendable, Equatable, RandomAccessCollection {
    /// A row's text fields.
    public enum Field: Sendable { case name, key, id }

    /// `name \n`, then `key \n` when the key is text, then `id \n` when the id is text, for every row.
    public private(set) var arena: [UInt8]
    /// Where each row starts in `arena`; one more entry than rows (the end).
    public private(set) var rowStarts: [UInt32]
    /// Byte length of each row's name and (when text) key; an id kept as text runs to the row's last newline.
    private var nameLengths: [UInt32]
    private var keyLengths: [UInt32]
    /// Two per row, key then id; zero for a field held as text (the nil UUID, all zeros, is
    /// kept as text, so a zero here always means text: no flags to read beside it).
    private var uuids: [CanonicalUUID]
    /// Seconds since 1970 of `createdAt`; NaN when the server sent none.
    public private(set) var createdAt: [Double]
    /// 1 enabled, 0 disabled, -1 not said.
    public private(set) var enabledStates: [Int8]

    public init() {
        arena = []
        rowStarts = [0]
        nameLengths = []
        keyLengths = []
        uuids = []
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

    public func name(at row: Int) -> String { string(.name, row) }
    public func key(at row: Int) -> String { string(.key, row) }
    public func id(at row: Int) -> String { string(.id, row) }

    public func isEnabled(at row: Int) -> Bool? { Self.isEnabled(enabledStates[row]) }

    public func createdDate(at row: Int) -> Date? { Self.createdDate(createdAt[row]) }

    /// A stored state (1 enabled, 0 disabled, -1 not said) as the server said it.
    @inlinable @inline(__always)
    static func isEnabled(_ state: Int8) -> Bool? {
        switch state {
        case 1: true
        case 0: false
        default: nil
        }
    }

    /// A stored date (seconds since 1970, NaN for none) as a date.
    @inlinable @inline(__always)
    static func createdDate(_ seconds: Double) -> Date? {
        seconds.isNaN ? nil : Date(timeIntervalSince1970: seconds)
    }

    /// The field as a UUID when it is kept as one (a key's or id's canonical UUID); nil for a
    /// name or a field kept as text.
    public func uuid(_ field: Field, _ row: Int) -> CanonicalUUID? {
        Self.uuid(field, row, uuids)
    }

    /// Where the field's text lies in `arena`; nil when it is kept as a UUID.
    public func textRange(_ field: Field, _ row: Int) -> Range<Int>? {
        Self.textRange(field, start: rowStarts[row], nameLength: nameLengths[row], keyLength: keyLengths[row],
                       keyIsKept: !uuids[2 * row].isZero, idIsKept: !uuids[2 * row + 1].isZero, end: rowStarts[row + 1])
    }

    /// The field's UTF-8 text, valid inside `body` only. For a walk over many rows, take the
    /// columns once (`withUnsafeColumns`) and read them.
    public func withText<R>(_ field: Field, _ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let uuid = uuid(field, row) { return try uuid.withText(body) }
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[textRange(field, row)!])) }
    }

    /// The row's name, key and id joined by newlines (what a filter searches), valid inside `body` only.
    public func withSearchableText<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeColumns { try $0.withSearchableText(row, body) }
    }

    private func string(_ field: Field, _ row: Int) -> String {
        withText(field, row) { String(decoding: $0, as: UTF8.self) }
    }

    /// The fleet's storage as pointers, for a walk over many rows (the journal's diff, in id
    /// order; the writers; the orderings): reading a field then costs a load, not an array
    /// access and a retain of the fleet per field. Valid inside `body` only.
    public func withUnsafeColumns<R>(_ body: (Columns) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer { arena in
            try rowStarts.withUnsafeBufferPointer { rowStarts in
                try nameLengths.withUnsafeBufferPointer { nameLengths in
                    try keyLengths.withUnsafeBufferPointer { keyLengths in
                        try uuids.withUnsafeBufferPointer { uuids in
                            try enabledStates.withUnsafeBufferPointer { enabledStates in
                                try createdAt.withUnsafeBufferPointer { createdAt in
                                    try body(Columns(arena: arena, rowStarts: rowStarts, nameLengths: nameLengths,
                                                     keyLengths: keyLengths, uuids: uuids,
                                                     enabledStates: enabledStates, createdAt: createdAt))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // The layout of one row, the one definition both the fleet and its `Columns` read: from
    // `start` to `end`, `name \n`, then `key \n` unless the key is a kept UUID, then `id \n`
    // unless the id is; the UUIDs are `uuids[2 * row]` (key) and `uuids[2 * row + 1]` (id).
    @inlinable @inline(__always)
    static func uuid<U: RandomAccessCollection<CanonicalUUID>>(_ field: Field, _ row: Int, _ uuids: U) -> CanonicalUUID?
    where U.Index == Int {
        let kept: CanonicalUUID
        switch field {
        case .name: return nil
        case .key: kept = uuids[2 * row]
        case .id: kept = uuids[2 * row + 1]
        }
        return kept.isZero ? nil : kept
    }

    @inlinable @inline(__always)
    static func textRange(_ field: Field, start: UInt32, nameLength: UInt32, keyLength: UInt32, keyIsKept: Bool, idIsKept: Bool,
                          end: UInt32) -> Range<Int>? {
        let start = Int(start), nameEnd = start + Int(nameLength)
        switch field {
        case .name:
            return start..<nameEnd
        case .key:
            return keyIsKept ? nil : (nameEnd + 1)..<(nameEnd + 1 + Int(keyLength))
        case .id:
            guard !idIsKept else { return nil }
            let idStart = keyIsKept ? nameEnd + 1 : nameEnd + 1 + Int(keyLength) + 1
            return idStart..<(Int(end) - 1)
        }
    }

    /// A fleet's columns, borrowed (see `withUnsafeColumns`): the one definition of a row's layout.
    public struct Columns {
        /// Every row's text fields (the name, and the key and id when not kept as UUIDs).
        public let arena: UnsafeBufferPointer<UInt8>
        /// Where each row's text starts in `arena`; one more entry than rows.
        public let rowStarts: UnsafeBufferPointer<UInt32>
        @usableFromInline let nameLengths: UnsafeBufferPointer<UInt32>
        @usableFromInline let keyLengths: UnsafeBufferPointer<UInt32>
        @usableFromInline let uuids: UnsafeBufferPointer<CanonicalUUID>
        /// 1 enabled, 0 disabled, -1 not said.
        public let enabledStates: UnsafeBufferPointer<Int8>
        /// Seconds since 1970; NaN when the server sent none.
        public let createdAt: UnsafeBufferPointer<Double>

        @inlinable public var count: Int { nameLengths.count }

        /// The field as a UUID when it is kept as one; nil for a name or a field kept as text.
        @inlinable @inline(__always)
        public func uuid(_ field: Field, _ row: Int) -> CanonicalUUID? {
            SynchronizerFleet.uuid(field, row, uuids)
        }

        /// Where the field's text lies in `arena`; nil when it is kept as a UUID.
        @inlinable @inline(__always)
        public func textRange(_ field: Field, _ row: Int) -> Range<Int>? {
            SynchronizerFleet.textRange(field, start: rowStarts[row], nameLength: nameLengths[row], keyLength: keyLengths[row],
                                        keyIsKept: !uuids[2 * row].isZero, idIsKept: !uuids[2 * row + 1].isZero,
                                        end: rowStarts[row + 1])
        }

        @inlinable @inline(__always)
        public func isEnabled(_ row: Int) -> Bool? { SynchronizerFleet.isEnabled(enabledStates[row]) }

        @inlinable @inline(__always)
        public func createdDate(_ row: Int) -> Date? { SynchronizerFleet.createdDate(createdAt[row]) }

        /// The field's length in bytes, as `withText` gives it (without formatting a UUID).
        @inlinable @inline(__always)
        public func textCount(_ field: Field, _ row: Int) -> Int {
            textRange(field, row)?.count ?? CanonicalUUID.textLength
        }

        /// The field's UTF-8 text: in place, or a kept UUID formatted; valid inside `body` only.
        @inlinable @inline(__always)
        public func withText<R>(_ field: Field, _ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            if let uuid = uuid(field, row) { return try uuid.withText(body) }
            return try body(UnsafeBufferPointer(rebasing: arena[textRange(field, row)!]))
        }

        /// The row's name, key and id joined by newlines, valid inside `body` only.
        public func withSearchableText<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            if uuids[2 * row].isZero && uuids[2 * row + 1].isZero {
                return try body(UnsafeBufferPointer(rebasing: arena[Int(rowStarts[row])..<(Int(rowStarts[row + 1]) - 1)]))
            }
            var joined: [UInt8] = []
            joined.reserveCapacity(Int(rowStarts[row + 1] - rowStarts[row]) + 2 * CanonicalUUID.textLength)
            withText(.name, row) { joined.append(contentsOf: $0) }
            joined.append(UInt8(ascii: "\n"))
            withText(.key, row) { joined.append(contentsOf: $0) }
            joined.append(UInt8(ascii: "\n"))
            withText(.id, row) { joined.append(contentsOf: $0) }
            return try joined.withUnsafeBufferPointer(body)
        }

        /// The row whose text holds arena byte `offset`: the last row starting at or before it.
        public func row(holding offset: Int) -> Int {
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                if Int(rowStarts[middle + 1]) <= offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    // MARK: - Building

    public mutating func append(_ synchronizer: Synchronizer) {
        var name = synchronizer.name, key = synchronizer.key, id = synchronizer.id
        name.withUTF8 { n in key.withUTF8 { k in id.withUTF8 { i in
            append(name: UnsafeRawBufferPointer(n), key: UnsafeRawBufferPointer(k), id: UnsafeRawBufferPointer(i),
                   enabled: synchronizer.isEnabled, createdAt: synchronizer.createdAt?.timeIntervalSince1970 ?? .nan)
        } } }
    }

    /// Appends one validated row from its UTF-8 fields; a key or id that is a canonical UUID
    /// is kept as its 16 bytes.
    public mutating func append(name: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer, id: UnsafeRawBufferPointer,
                                enabled: Bool?, createdAt seconds: Double) {
        let newline = UInt8(ascii: "\n")
        // The nil UUID stays text: a zero in `uuids` means "text".
        let keyUUID = CanonicalUUID(text: key).flatMap { $0.isZero ? nil : $0 }
        let idUUID = CanonicalUUID(text: id).flatMap { $0.isZero ? nil : $0 }
        arena.append(contentsOf: name); arena.append(newline)
        if keyUUID == nil { arena.append(contentsOf: key); arena.append(newline) }
        if idUUID == nil { arena.append(contentsOf: id); arena.append(newline) }
        rowStarts.append(UInt32(truncatingIfNeeded: arena.count))
        nameLengths.append(UInt32(truncatingIfNeeded: name.count))
        keyLengths.append(keyUUID == nil ? UInt32(truncatingIfNeeded: key.count) : 0)
        uuids.append(keyUUID ?? CanonicalUUID(high: 0, low: 0))
        uuids.append(idUUID ?? CanonicalUUID(high: 0, low: 0))
        createdAt.append(seconds)
        enabledStates.append(enabled.map { $0 ? 1 : 0 } ?? -1)
    }

    public static func == (lhs: SynchronizerFleet, rhs: SynchronizerFleet) -> Bool {
        // Dates compare bit for bit, so two missing dates (NaN) are equal.
        lhs.rowStarts == rhs.rowStarts && lhs.nameLengths == rhs.nameLengths && lhs.keyLengths == rhs.keyLengths
            && lhs.uuids == rhs.uuids
            && lhs.enabledStates == rhs.enabledStates && lhs.arena == rhs.arena
            && lhs.createdAt.withUnsafeBytes { a in rhs.createdAt.withUnsafeBytes { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
    }

    /// The most text one fleet holds: offsets are 32-bit, and a response is capped well below.
    public static let maxArenaBytes = Int(UInt32.max) - 1
}
