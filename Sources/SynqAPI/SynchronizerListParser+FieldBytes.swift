import Foundation

/// One text field of the row the list parser is reading (its id, key or name), copied out of
/// yajl's buffer, which is valid only during a callback, and kept until the row closes.
///
/// A plain buffer that grows and is reused for every row: a million rows cost three copies
/// each and no allocation, no uniqueness check and no reference count, where an `[UInt8]`
/// emptied and refilled per field cost about 8% of reading a list. Owned by the parser's
/// state, which frees it once (`release`); copies of the state share the buffer.
struct FieldBytes {
    private var base: UnsafeMutableRawPointer?
    private var capacity = 0
    private(set) var count = 0

    /// The field's bytes (valid until the next `set` or `release`).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    mutating func set(_ source: UnsafeRawBufferPointer) {
        if source.count > capacity {
            base?.deallocate()
            capacity = max(source.count, 64)
            base = .allocate(byteCount: capacity, alignment: 8)
        }
        if let from = source.baseAddress, let base { base.copyMemory(from: from, byteCount: source.count) }
        count = source.count
    }

    mutating func release() {
        base?.deallocate()
        base = nil
        capacity = 0
        count = 0
    }
}
