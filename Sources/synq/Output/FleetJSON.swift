import Foundation
import SynqAPI
import SynqText

/// `synq synchronizers list --json` written row by row from the compact fleet, in the
/// documented shape: `{"skipped":N,"synchronizers":[{"createdAt":…,"id":…,"isEnabled":…,
/// "key":…,"name":…},…]}`, keys sorted, every key present (null when unknown).
///
/// The bytes are exactly `JSONEncoder`'s (sorted keys, slashes unescaped; indented with
/// " : " on a terminal), so scripts see no change, but no model or document is built: a
/// million rows stream out through a 1 MiB buffer. A row holding a byte above ASCII goes
/// through `TerminalSafeBytes`, as all JSON output does.
enum FleetJSON {
    /// The list, one chunk after another (the fuzz target, small lists).
    static func write<Out: ByteSink>(_ fleet: SynchronizerFleet, rows: [Int], skipped: Int, pretty: Bool,
                                     to out: inout Out) throws(Out.Failure) {
        try out.write(opening(skipped: skipped, pretty: pretty))
        for chunk in 0..<ParallelChunks.count(ofRows: rows.count) {
            try out.write(chunkBytes(chunk, of: fleet, rows: rows, pretty: pretty))
        }
        try out.write(closing(pretty: pretty))
    }

    /// The same bytes, the chunks formatted on every core and written in order
    /// (`synchronizers list --json`).
    static func write<Out: ByteSink>(_ fleet: SynchronizerFleet, rows: [Int], skipped: Int, pretty: Bool,
                                     toOutput out: inout Out) async throws(Out.Failure) {
        try out.write(opening(skipped: skipped, pretty: pretty))
        try await ParallelChunks.write(count: ParallelChunks.count(ofRows: rows.count), to: &out) { chunk in
            chunkBytes(chunk, of: fleet, rows: rows, pretty: pretty)
        }
        try out.write(closing(pretty: pretty))
    }

    private static func opening(skipped: Int, pretty: Bool) -> String {
        pretty ? "{\n  \"skipped\" : \(skipped),\n  \"synchronizers\" : [\n" : "{\"skipped\":\(skipped),\"synchronizers\":["
    }

    /// Indented, JSONEncoder closes an empty array as "[\n\n  ]" and a full one as "…}\n  ]".
    private static func closing(pretty: Bool) -> String { pretty ? "\n  ]\n}\n" : "]}\n" }

    /// The fixed texts of a row's object, compact or indented as the encoder writes them.
    private struct Texts {
        let open, id, isEnabled, key, name, close, separator: StaticString

        static let compact = Texts(open: "{\"createdAt\":", id: ",\"id\":", isEnabled: ",\"isEnabled\":", key: ",\"key\":",
                                   name: ",\"name\":", close: "}", separator: ",")
        static let pretty = Texts(open: "    {\n      \"createdAt\" : ", id: ",\n      \"id\" : ", isEnabled: ",\n      \"isEnabled\" : ",
                                  key: ",\n      \"key\" : ", name: ",\n      \"name\" : ", close: "\n    }", separator: ",\n")

        /// The bytes of every fixed text of one row, its separator and the longest of
        /// `true`/`false`/`null` included.
        var count: Int {
            [open, id, isEnabled, key, name, close, separator].reduce(5) { $0 + $1.utf8CodeUnitCount }
        }
    }

    /// The objects of chunk `chunk` of `rows`, each after a separator unless it is the list's
    /// first; a row holding a byte above ASCII is made terminal-safe.
    ///
    /// Written through a pointer into a buffer sized for the chunk's worst case (every byte
    /// escaped as `\u00xx`), measured first from the rows' lengths: appending to an array
    /// checked its capacity and uniqueness a dozen times a row, a third of the writing time.
    /// The unused part of the bound is never touched, so it is never resident.
    private static func chunkBytes(_ chunk: Int, of fleet: SynchronizerFleet, rows: [Int], pretty: Bool) -> [UInt8] {
        let texts = pretty ? Texts.pretty : Texts.compact
        return fleet.withUnsafeColumns { columns in
            let positions = ParallelChunks.rows(ofChunk: chunk, in: rows.count)
            let fixed = texts.count
            var bound = 0
            for position in positions { bound += fixed + rowBound(columns, rows[position]) }
            return [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
                let base = buffer.baseAddress!
                var out = base
                var dates = JSONBytes.DateWriter()
                for position in positions {
                    if position != 0 { out = put(texts.separator, at: out) }
                    let start = out
                    let high: Bool
                    (out, high) = writeRow(columns, rows[position], texts, dates: &dates, at: out)
                    if high {
                        // The row's own share of the bound, its separator (already written) left out.
                        let room = fixed - texts.separator.utf8CodeUnitCount + rowBound(columns, rows[position])
                        out = makeTerminalSafe(start..<out, room: room)
                    }
                }
                initialized = out - base
            }
        }
    }

    /// The most bytes a row's object takes besides its fixed texts: the date, and each text
    /// field escaped byte for byte (a kept UUID is canonical: nothing to escape).
    /// Escaping for the terminal stays within it: it writes at most six bytes for each byte
    /// above ASCII (`\u0085` for two, a surrogate pair's twelve for four).
    private static func rowBound(_ columns: SynchronizerFleet.Columns, _ row: Int) -> Int {
        let createdAt = columns.createdAt[row]
        return (createdAt.isNaN ? 4 : JSONBytes.dateBound(secondsSince1970: createdAt))
            + JSONBytes.stringBound(columns.textCount(.id, row)) + JSONBytes.stringBound(columns.textCount(.key, row))
            + JSONBytes.stringBound(columns.textCount(.name, row))
    }

    /// One row's object at `out`; where it ends, and whether it holds a byte above ASCII (it
    /// may need escaping).
    @inline(__always)
    private static func writeRow(_ columns: SynchronizerFleet.Columns, _ row: Int, _ texts: Texts, dates: inout JSONBytes.DateWriter,
                                 at out: UnsafeMutablePointer<UInt8>) -> (UnsafeMutablePointer<UInt8>, Bool) {
        var out = put(texts.open, at: out)
        let seconds = columns.createdAt[row]
        out = seconds.isNaN ? put("null", at: out) : dates.write(secondsSince1970: seconds, to: out)
        var high = false
        out = put(texts.id, at: out)
        out = writeString(columns, .id, row, at: out, high: &high)
        out = put(texts.isEnabled, at: out)
        switch columns.enabledStates[row] {
        case 1: out = put("true", at: out)
        case 0: out = put("false", at: out)
        default: out = put("null", at: out)
        }
        out = put(texts.key, at: out)
        out = writeString(columns, .key, row, at: out, high: &high)
        out = put(texts.name, at: out)
        out = writeString(columns, .name, row, at: out, high: &high)
        return (put(texts.close, at: out), high)
    }

    /// A row's bytes rewritten in place by `TerminalSafeBytes` (within the row's bound, above);
    /// where they end now.
    private static func makeTerminalSafe(_ row: Range<UnsafeMutablePointer<UInt8>>, room: Int) -> UnsafeMutablePointer<UInt8> {
        let escaped = TerminalSafeBytes.escaped(Data(bytes: row.lowerBound, count: row.upperBound - row.lowerBound))
        precondition(escaped.count <= room, "a row escaped for the terminal outgrew its bound")
        escaped.copyBytes(to: row.lowerBound, count: escaped.count)
        return row.lowerBound + escaped.count
    }

    /// The fixed texts are `StaticString`s, copied from the binary's own bytes: as `String`s
    /// the 1M list's writing took 127–162 ms, as static `[UInt8]` arrays (one reference count
    /// shared by the writers on every core) 254–762 ms.
    @inline(__always)
    private static func put(_ text: StaticString, at out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        out.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return out + text.utf8CodeUnitCount
    }

    /// A field as a JSON string. A UUID kept as bytes is canonical text: nothing in it needs
    /// escaping.
    @inline(__always)
    private static func writeString(_ columns: SynchronizerFleet.Columns, _ field: SynchronizerFleet.Field, _ row: Int,
                                    at out: UnsafeMutablePointer<UInt8>, high: inout Bool) -> UnsafeMutablePointer<UInt8> {
        if let uuid = columns.uuid(field, row) {
            out[0] = UInt8(ascii: "\"")
            uuid.write(to: UnsafeMutableRawPointer(out + 1))
            out[CanonicalUUID.textLength + 1] = UInt8(ascii: "\"")
            return out + CanonicalUUID.textLength + 2
        }
        let (end, fieldHigh) = JSONBytes.writeString(UnsafeBufferPointer(rebasing: columns.arena[columns.textRange(field, row)!]), to: out)
        high = high || fieldHigh
        return end
    }
}
