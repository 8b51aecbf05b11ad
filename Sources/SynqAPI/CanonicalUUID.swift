/// A UUID in its canonical text form — 36 bytes, lower-case hex digits with dashes at 8, 13,
/// 18 and 23 — held as its 16 bytes. The fleet keeps ids and keys this way when the server
/// sent exactly that text (72 of a synchronizer row's ~100 bytes of text are its two UUIDs),
/// and formats them back on demand, byte for byte what the server sent. Any other text
/// (upper case, braces, not a UUID at all) is not canonical and stays text.
///
/// The numbers are big-endian in text order (`high` is the first 16 digits), so comparing two
/// values compares their texts byte for byte: `a < b` exactly when `a.text < b.text`.
public struct CanonicalUUID: Sendable, Hashable, Comparable {
    public var high: UInt64
    public var low: UInt64

    @inlinable
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The length of the canonical text.
    @inlinable public static var textLength: Int { 36 }

    /// The UUID of `text` when it is canonical; nil for any other text.
    @inlinable @inline(__always)
    public init?(text: UnsafeRawBufferPointer) {
        guard text.count == Self.textLength, let base = text.baseAddress else { return nil }
        let dash = UInt8(ascii: "-")
        guard base.load(fromByteOffset: 8, as: UInt8.self) == dash, base.load(fromByteOffset: 13, as: UInt8.self) == dash,
              base.load(fromByteOffset: 18, as: UInt8.self) == dash, base.load(fromByteOffset: 23, as: UInt8.self) == dash
        else { return nil }
        // The 32 digits as four groups of eight (the middle two each join two 4-digit runs).
        let first = base.loadUnaligned(fromByteOffset: 0, as: UInt64.self).littleEndian
        let second = UInt64(base.loadUnaligned(fromByteOffset: 9, as: UInt32.self).littleEndian)
            | UInt64(base.loadUnaligned(fromByteOffset: 14, as: UInt32.self).littleEndian) << 32
        let third = UInt64(base.loadUnaligned(fromByteOffset: 19, as: UInt32.self).littleEndian)
            | UInt64(base.loadUnaligned(fromByteOffset: 24, as: UInt32.self).littleEndian) << 32
        let fourth = base.loadUnaligned(fromByteOffset: 28, as: UInt64.self).littleEndian
        guard Self.areLowerHex(first), Self.areLowerHex(second), Self.areLowerHex(third), Self.areLowerHex(fourth) else {
            return nil
        }
        high = UInt64(Self.value(ofDigits: first)) << 32 | UInt64(Self.value(ofDigits: second))
        low = UInt64(Self.value(ofDigits: third)) << 32 | UInt64(Self.value(ofDigits: fourth))
    }

    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ CanonicalUUID(text: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = value
    }

    /// The canonical text, in a buffer valid inside `body` only.
    @inlinable @inline(__always)
    public func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        return try withUnsafeMutableBytes(of: &text) { buffer in
            write(to: buffer.baseAddress!)
            return try body(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: Self.textLength))
        }
    }

    public var text: String { withText { String(decoding: $0, as: UTF8.self) } }

    /// Writes the 36 bytes of the canonical text at `destination`.
    @inlinable @inline(__always)
    public func write(to destination: UnsafeMutableRawPointer) {
        let dash = UInt8(ascii: "-")
        destination.storeBytes(of: Self.digits(of: UInt32(truncatingIfNeeded: high >> 32)).littleEndian, toByteOffset: 0, as: UInt64.self)
        destination.storeBytes(of: dash, toByteOffset: 8, as: UInt8.self)
        let second = Self.digits(of: UInt32(truncatingIfNeeded: high))
        destination.storeBytes(of: UInt32(truncatingIfNeeded: second).littleEndian, toByteOffset: 9, as: UInt32.self)
        destination.storeBytes(of: dash, toByteOffset: 13, as: UInt8.self)
        destination.storeBytes(of: UInt32(truncatingIfNeeded: second >> 32).littleEndian, toByteOffset: 14, as: UInt32.self)
        destination.storeBytes(of: dash, toByteOffset: 18, as: UInt8.self)
        let third = Self.digits(of: UInt32(truncatingIfNeeded: low >> 32))
        destination.storeBytes(of: UInt32(truncatingIfNeeded: third).littleEndian, toByteOffset: 19, as: UInt32.self)
        destination.storeBytes(of: dash, toByteOffset: 23, as: UInt8.self)
        destination.storeBytes(of: UInt32(truncatingIfNeeded: third >> 32).littleEndian, toByteOffset: 24, as: UInt32.self)
        destination.storeBytes(of: Self.digits(of: UInt32(truncatingIfNeeded: low)).littleEndian, toByteOffset: 28, as: UInt64.self)
    }

    /// Appends the canonical text.
    @inlinable @inline(__always)
    public func append(to bytes: inout [UInt8]) {
        withText { bytes.append(contentsOf: $0) }
    }

    /// Whether `bytes` could be found in some UUID's canonical text: 36 bytes at most, each a
    /// lower-case hex digit or a dash (a search term with any other byte never matches one).
    public static func textCanContain(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count <= textLength && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || $0 == 0x2D }
    }

    /// The first eight bytes of the text as a big-endian number (what an id's text prefix is).
    @inlinable @inline(__always)
    public var textPrefix: UInt64 { Self.digits(of: UInt32(truncatingIfNeeded: high >> 32)).byteSwapped }

    /// The nil UUID (all zeros).
    @inlinable public var isZero: Bool { high == 0 && low == 0 }

    @inlinable
    public static func < (lhs: CanonicalUUID, rhs: CanonicalUUID) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }

    // MARK: - Eight digits at a time
    // Eight ASCII bytes in a UInt64, first character in the lowest byte (a little-endian load).

    @usableFromInline static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @usableFromInline static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Whether each of the eight bytes is 0-9 or a-f. Each range test adds a constant that
    /// carries into a byte's high bit at the range's lower end and again past its upper end;
    /// no byte below 0x80 carries into its neighbour.
    @inlinable @inline(__always)
    static func areLowerHex(_ bytes: UInt64) -> Bool {
        guard bytes & highBits == 0 else { return false }
        let digits = (bytes &+ ones &* (0x80 - 0x30)) & ~(bytes &+ ones &* (0x80 - 0x3A))
        let letters = (bytes &+ ones &* (0x80 - 0x61)) & ~(bytes &+ ones &* (0x80 - 0x67))
        return (digits | letters) & highBits == highBits
    }

    /// The value of eight valid lower-case hex digits, the first the most significant.
    @inlinable @inline(__always)
    static func value(ofDigits bytes: UInt64) -> UInt32 {
        // '0'-'9' keep their low nibble; 'a'-'f' (bit 6 set) add 9 to theirs.
        var nibbles = (bytes & (ones &* 0x0F)) &+ ((bytes >> 6) & ones) &* 9
        // Pairs into bytes (the first digit the high nibble), then the four bytes together.
        nibbles = ((nibbles << 4) | (nibbles >> 8)) & 0x00FF_00FF_00FF_00FF
        nibbles = (nibbles | (nibbles >> 8)) & 0x0000_FFFF_0000_FFFF
        nibbles = (nibbles | (nibbles >> 16)) & 0xFFFF_FFFF
        return UInt32(truncatingIfNeeded: nibbles).byteSwapped
    }

    /// The eight lower-case hex digits of `value`, the most significant first.
    @inlinable @inline(__always)
    static func digits(of value: UInt32) -> UInt64 {
        var spread = UInt64(value.byteSwapped)
        spread = (spread | (spread << 16)) & 0x0000_FFFF_0000_FFFF
        spread = (spread | (spread << 8)) & 0x00FF_00FF_00FF_00FF
        // Each byte's high nibble first, then its low one.
        spread = ((spread >> 4) & 0x000F_000F_000F_000F) | ((spread & 0x000F_000F_000F_000F) << 8)
        // 10-15 (those that carry past 15 when 6 is added) become letters: '0' + 39 + n is 'a' + n - 10.
        let letters = ((spread &+ ones &* 6) >> 4) & ones
        return spread &+ ones &* 0x30 &+ letters &* 39
    }
}
