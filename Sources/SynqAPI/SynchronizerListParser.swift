import CYajl
import Foundation

/// Reads `GET /synq-keys/enterprise/synchronizers` as its bytes arrive, with yajl's
/// streaming parser, straight into a `SynchronizerFleet`: no body is held, no model is
/// built per row. Feed it chunks with `consume`, then call `finish`.
///
/// It accepts exactly what the `Decodable` `SynchronizerList` accepts: a root object whose
/// `synchronizers` is an array and whose `success`, when present, is a boolean. A row that
/// cannot be read (not an object; `id`, `key` or `name` missing or not a string;
/// `isEnabled` not a boolean; `createdAt` not an ISO 8601 date; invalid UTF-8 in a field)
/// is counted in `skipped` and dropped: one bad row never hides the others.
///
/// One difference from `JSONDecoder`, by design: yajl reads strings unvalidated (so that bad
/// UTF-8 costs one row, not the list), and then a raw control character inside a string
/// (invalid JSON; `\u001b` is the valid form) is read as that character, or for some
/// characters fails the list, where `JSONDecoder` skips the row. What is read reaches the
/// sanitizer like any other control character. Likewise a backslash escape JSON does not
/// have (`"na\me"`) makes the body not JSON and fails the list, where `JSONDecoder`, which
/// reads escapes only in the strings it decodes, skips the row (found by the decode fuzz
/// target). The same holds for a trailing comma (`{"id":"b",}` or `[{…},]`), which
/// Foundation's `JSONSerialization` and `JSONDecoder` accept and JSON does not have: the
/// list is read only when the body is JSON (RFC 8259, UTF-8), and anything else is refused
/// whole, never partly read. Two limits are Foundation's own, for the same reason (a body
/// `JSONSerialization` refuses is refused here too): a number beyond a Double (`1e309`) and
/// more than 512 nested arrays and objects. For a body that is JSON the two read exactly
/// the same rows.
public final class SynchronizerListParser: BodyConsumer {
    /// What was read: the fleet and the rows that could not be.
    public struct Outcome: Sendable, Equatable {
        public var fleet: SynchronizerFleet
        public var skipped: Int
        public var success: Bool
    }

    private var handle: yajl_handle?
    private let callbacks: UnsafeMutablePointer<yajl_callbacks>
    /// The callbacks' context: a plain pointer, so each of the ten million callbacks of a
    /// large list touches the state directly (no object retained, no exclusivity check).
    private let state: UnsafeMutablePointer<ParseState>
    /// The first bytes of the body, for an error excerpt (the body itself is not kept).
    public private(set) var head: [UInt8] = []
    private static let headLimit = 1024

    /// - Parameter expectedBytes: the body's length when known; the arena reserves about
    ///   that much address space (untouched pages cost no memory), so it grows once.
    public init(expectedBytes: Int? = nil) {
        callbacks = .allocate(capacity: 1)
        callbacks.initialize(to: Self.table)
        state = .allocate(capacity: 1)
        state.initialize(to: ParseState())
        if let expectedBytes, expectedBytes > 0 {
            state.pointee.fleet.reserveArena(min(expectedBytes, SynchronizerFleet.maxArenaBytes))
        }
        handle = yajl_alloc(callbacks, nil, UnsafeMutableRawPointer(state))
        if let handle { _ = synq_yajl_pass_raw_strings(handle) }
        state.pointee.handle = handle
    }

    deinit {
        if let handle { yajl_free(handle) }
        callbacks.deinitialize(count: 1)
        callbacks.deallocate()
        state.pointee.releaseFields()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the next piece of the body.
    public func consume(_ chunk: UnsafeRawBufferPointer) throws(SynchronizerListError) {
        guard let handle, let base = chunk.baseAddress, chunk.count > 0 else { return }
        if head.count < Self.headLimit { head.append(contentsOf: chunk.prefix(Self.headLimit - head.count)) }
        state.pointee.documentEnd = nil
        let status = yajl_parse(handle, base.assumingMemoryBound(to: UInt8.self), chunk.count)
        try check(status)
        // After the document only whitespace may follow: yajl takes a string left open at
        // the end (`{…}"`) as a token still arriving, and would accept it.
        if state.pointee.ended {
            let rest = chunk[(state.pointee.documentEnd ?? 0)...]
            if rest.contains(where: { !Self.isWhitespace($0) }) { throw .malformed("not JSON") }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Ends the body: a document cut short or holding anything after its end is an error.
    public func finish() throws(SynchronizerListError) -> Outcome {
        guard let handle else { throw .malformed("no parser") }
        try check(yajl_complete_parse(handle))
        let read = state.pointee
        guard read.sawList else {
            throw read.depth == 0 && !read.started ? .malformed("empty body") : .notAList
        }
        return Outcome(fleet: read.fleet, skipped: read.skipped, success: read.success)
    }

    private func check(_ status: yajl_status) throws(SynchronizerListError) {
        switch status {
        case yajl_status_ok: return
        case yajl_status_client_canceled: throw state.pointee.failure ?? .malformed("stopped")
        default: throw .malformed("not JSON")
        }
    }

    // MARK: - yajl callbacks

    private static func parser(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ParseState> {
        context!.assumingMemoryBound(to: ParseState.self)
    }

    private static let table: yajl_callbacks = {
        var table = yajl_callbacks()
        table.yajl_null = { context in parser(context).pointee.scalar(.null) ? 1 : 0 }
        table.yajl_boolean = { context, value in parser(context).pointee.scalar(.bool(value != 0)) ? 1 : 0 }
        // Numbers arrive as text; none is a field we read, but one beyond a Double fails the list.
        table.yajl_number = { context, text, count in
            parser(context).pointee.number(UnsafeRawBufferPointer(start: text, count: count)) ? 1 : 0
        }
        table.yajl_string = { context, bytes, count in
            parser(context).pointee.string(UnsafeRawBufferPointer(start: bytes, count: count)) ? 1 : 0
        }
        table.yajl_start_map = { context in parser(context).pointee.open(map: true) ? 1 : 0 }
        table.yajl_map_key = { context, bytes, count in
            parser(context).pointee.key(UnsafeRawBufferPointer(start: bytes, count: count)) ? 1 : 0
        }
        table.yajl_end_map = { context in parser(context).pointee.close() ? 1 : 0 }
        table.yajl_start_array = { context in parser(context).pointee.open(map: false) ? 1 : 0 }
        table.yajl_end_array = { context in parser(context).pointee.close() ? 1 : 0 }
        return table
    }()
}

/// Why a synchronizer list could not be read at all (a bad row is only skipped).
public enum SynchronizerListError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case notAList
    case tooLarge

    public var description: String {
        switch self {
        case .malformed(let reason): "the list is not valid JSON (\(reason))"
        case .notAList: "the answer has no list of synchronizers"
        case .tooLarge: "the list is too large to hold"
        }
    }
}

/// Takes a body piece by piece as it arrives.
public protocol BodyConsumer: AnyObject {
    associatedtype Failure: Error
    func consume(_ chunk: UnsafeRawBufferPointer) throws(Failure)
}

extension SynchronizerListParser {
    /// Parses a whole body held in memory, in 64 KiB pieces as a socket would give them.
    public static func parse(_ body: Data) throws(SynchronizerListError) -> Outcome {
        let parser = SynchronizerListParser(expectedBytes: body.count)
        try parser.consume(body)
        return try parser.finish()
    }

    /// Parses the next piece of the body (a chunk as it arrived, or a whole body held in
    /// memory), in pieces of at most 64 KiB.
    public func consume(_ body: some ContiguousBytes) throws(SynchronizerListError) {
        let piece = 65_536
        let result: Result<Void, SynchronizerListError> = body.withUnsafeBytes { all in
            Result { () throws(SynchronizerListError) in
                for start in stride(from: 0, to: all.count, by: piece) {
                    try consume(UnsafeRawBufferPointer(rebasing: all[start..<min(start + piece, all.count)]))
                }
            }
        }
        try result.get()
    }
}

/// The parser's position in the document and the row being read.
private struct ParseState {
    enum Scalar { case null, bool(Bool), string(UnsafeRawBufferPointer), other }
    enum RootKey { case synchronizers, success, other }
    enum Field: UInt8 { case id = 1, key = 2, name = 4, isEnabled = 8, createdAt = 16, other = 0 }

    var fleet = SynchronizerFleet()
    var skipped = 0
    var success = true
    var sawList = false
    var sawSuccess = false
    var started = false
    var failure: SynchronizerListError?
    /// The parser, to read where in the current chunk the document ended.
    var handle: yajl_handle?
    /// The root object has closed; `documentEnd` is the offset just past it when that
    /// happened in the chunk being parsed.
    var ended = false
    var documentEnd: Int?
    /// Open containers: 1 inside the root object, 2 inside the list, 3 inside a row.
    var depth = 0
    var rootKey = RootKey.other
    var inList = false
    /// The list element open at depth 3 is an object (a row), not an array.
    var rowOpen = false
    var field = Field.other

    // The row being read: its text fields copied out of yajl's buffer (valid only during a
    // callback) until the row closes.
    var id = FieldBytes(), key = FieldBytes(), name = FieldBytes()
    var hasID = false, hasKey = false, hasName = false
    var enabled: Bool?
    var created = Double.nan
    var rowIsBad = false
    /// The fields already read in this row (bits of `Field`).
    var seenFields: UInt8 = 0

    mutating func fail(_ error: SynchronizerListError) -> Bool {
        failure = error
        return false
    }

    /// Foundation's limit: 512 open arrays and objects (deeper fails its whole document).
    static let maxDepth = 512

    mutating func open(map: Bool) -> Bool {
        if depth >= Self.maxDepth { return fail(.malformed("nested more than \(Self.maxDepth) deep")) }
        defer { depth += 1 }
        switch depth {
        case 0:
            started = true
            return map ? true : fail(.notAList)
        case 1:
            guard rootKey == .synchronizers else { return true }
            if map || inList { return fail(.notAList) }
            inList = true
            return true
        case 2 where inList:
            if map {
                rowOpen = true
                resetRow()
            } else {
                skipped += 1
            }
            return true
        case 3 where rowOpen:
            // An object or array where a field's value should be.
            if field != .other { rowIsBad = true }
            return true
        default:
            return true
        }
    }

    mutating func close() -> Bool {
        depth -= 1
        switch depth {
        case 0:
            ended = true
            documentEnd = handle.map { Int(yajl_get_bytes_consumed($0)) }
        case 1 where inList:
            inList = false
            sawList = true
        case 2 where inList && rowOpen:
            rowOpen = false
            finishRow()
        default:
            break
        }
        return true
    }

    mutating func key(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch depth {
        case 1:
            // As JSONDecoder: the root object's keys are all read; one that is not UTF-8 fails the list.
            if !Self.isValidUTF8(bytes) { return fail(.malformed("a key is not valid UTF-8 text")) }
            rootKey = Self.matches(bytes, "synchronizers") ? .synchronizers : Self.matches(bytes, "success") ? .success : .other
            // A repeated key: JSONDecoder reads the first, so the later ones are ignored.
            if rootKey == .synchronizers && sawList || rootKey == .success && sawSuccess { rootKey = .other }
            if rootKey == .success { sawSuccess = true }
        case 3 where rowOpen:
            field = switch bytes.count {
            case 2 where Self.matches(bytes, "id"): .id
            case 3 where Self.matches(bytes, "key"): .key
            case 4 where Self.matches(bytes, "name"): .name
            case 9 where Self.matches(bytes, "isEnabled"): .isEnabled
            case 9 where Self.matches(bytes, "createdAt"): .createdAt
            default: .other
            }
            if field == .other {
                // As JSONDecoder: a row with a key that is not UTF-8 cannot be read (one of
                // ours is ASCII, so only the others need the check).
                if !Self.isValidUTF8(bytes) { rowIsBad = true }
            } else if seenFields & field.rawValue != 0 {
                // A repeated field: the first one counts, as with JSONDecoder.
                field = .other
            } else {
                seenFields |= field.rawValue
            }
        default:
            break
        }
        return true
    }

    /// A string anywhere in the body. A row's fields, the bulk of a list, are read here
    /// directly; anything else is a scalar like the others.
    mutating func string(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard depth == 3 && rowOpen else { return scalar(.string(bytes)) }
        switch field {
        case .other: break
        case .id: if Self.isValidUTF8(bytes) { id.set(bytes); hasID = true } else { rowIsBad = true }
        case .key: if Self.isValidUTF8(bytes) { key.set(bytes); hasKey = true } else { rowIsBad = true }
        case .name: if Self.isValidUTF8(bytes) { name.set(bytes); hasName = true } else { rowIsBad = true }
        case .createdAt:
            if Self.isValidUTF8(bytes), let date = JSONCoding.parseDate(utf8: bytes) {
                created = date.timeIntervalSince1970
            } else {
                rowIsBad = true
            }
        case .isEnabled: rowIsBad = true
        }
        return true
    }

    mutating func scalar(_ value: Scalar) -> Bool {
        switch depth {
        case 0:
            started = true
            return fail(.notAList)
        case 1:
            switch (rootKey, value) {
            case (.synchronizers, _): return fail(.notAList)
            case (.success, .bool(let flag)): success = flag
            case (.success, .null), (.other, _): break
            case (.success, _): return fail(.malformed("success is not a boolean"))
            }
        case 2 where inList:
            skipped += 1
        case 3 where rowOpen:
            switch (field, value) {
            case (.other, _): break
            case (.isEnabled, .bool(let flag)): enabled = flag
            case (.isEnabled, .null): enabled = nil
            case (.createdAt, .null): created = .nan
            // A row's strings are read by `string`.
            default: rowIsBad = true
            }
        default:
            break
        }
        return true
    }

    /// A number anywhere in the body: as Foundation, one too large for a Double (`1e309`)
    /// makes the body unreadable; any other is a value no field of ours is.
    mutating func number(_ text: UnsafeRawBufferPointer) -> Bool {
        // Up to 300 digits with no exponent cannot overflow; anything else is converted.
        if text.count > 300 || text.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }) {
            let value = String(decoding: text, as: UTF8.self).withCString { strtod($0, nil) }
            if !value.isFinite { return fail(.malformed("a number too large for a Double")) }
        }
        return scalar(.other)
    }

    mutating func resetRow() {
        hasID = false; hasKey = false; hasName = false
        enabled = nil
        created = .nan
        rowIsBad = false
        seenFields = 0
        field = .other
    }

    mutating func finishRow() {
        guard hasID, hasKey, hasName, !rowIsBad else {
            skipped += 1
            return
        }
        guard fleet.arena.count + name.count + key.count + id.count + 3 < SynchronizerFleet.maxArenaBytes else {
            skipped += 1
            return
        }
        fleet.append(name: name.bytes, key: key.bytes, id: id.bytes, enabled: enabled, createdAt: created)
    }

    /// Frees the row's field buffers (once, when the parser goes).
    mutating func releaseFields() {
        id.release(); key.release(); name.release()
    }

    static func matches(_ bytes: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return memcmp(bytes.baseAddress!, word.utf8Start, bytes.count) == 0
    }

    /// ASCII at full speed, eight bytes at a time; anything else through the standard
    /// library's validation.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var offset = 0
        var high: UInt64 = 0
        while offset + 8 <= count {
            high |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < count {
            high |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self))
            offset += 1
        }
        if high & 0x8080_8080_8080_8080 == 0 { return true }
        return String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) != nil
    }
}
