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
            try out.withBuffer { appendChunk(chunk, of: fleet, rows: rows, pretty: pretty, to: &$0) }
        }
        try out.write(closing(pretty: pretty))
    }

    /// The same bytes, the chunks formatted on every core and written in order
    /// (`synchronizers list --json`).
    static func write<Out: ByteSink>(_ fleet: SynchronizerFleet, rows: [Int], skipped: Int, pretty: Bool,
                                     toOutput out: inout Out) async throws(Out.Failure) {
        try out.write(opening(skipped: skipped, pretty: pretty))
        try await ParallelChunks.write(count: ParallelChunks.count(ofRows: rows.count), to: &out) { chunk in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(ParallelChunks.rowsPerChunk * 200)
            appendChunk(chunk, of: fleet, rows: rows, pretty: pretty, to: &buffer)
            return buffer
        }
        try out.write(closing(pretty: pretty))
    }

    private static func opening(skipped: Int, pretty: Bool) -> String {
        pretty ? "{\n  \"skipped\" : \(skipped),\n  \"synchronizers\" : [\n" : "{\"skipped\":\(skipped),\"synchronizers\":["
    }

    /// Indented, JSONEncoder closes an empty array as "[\n\n  ]" and a full one as "…}\n  ]".
    private static func closing(pretty: Bool) -> String { pretty ? "\n  ]\n}\n" : "]}\n" }

    /// The objects of chunk `chunk` of `rows`, each after a separator unless it is the list's
    /// first; a row holding a byte above ASCII is made terminal-safe.
    private static func appendChunk(_ chunk: Int, of fleet: SynchronizerFleet, rows: [Int], pretty: Bool, to buffer: inout [UInt8]) {
        let separator: StaticString = pretty ? ",\n" : ","
        fleet.withUnsafeColumns { columns in
            for position in ParallelChunks.rows(ofChunk: chunk, in: rows.count) {
                if position != 0 { buffer.append(contentsOf: UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)) }
                let start = buffer.count
                if appendRow(columns, rows[position], pretty: pretty, to: &buffer) {
                    let escaped = TerminalSafeBytes.escaped(Data(buffer[start...]))
                    buffer.replaceSubrange(start..., with: escaped)
                }
            }
        }
    }

    /// One row's object; true when it holds a byte above ASCII (it may need escaping). The
    /// fixed texts are `StaticString`s, appended from the binary's own bytes: as `String`s
    /// the 1M list's writing took 127–162 ms, as static `[UInt8]` arrays (one reference count
    /// shared by the writers on every core) 254–762 ms, as these 100–127 ms.
    private static func appendRow(_ columns: SynchronizerFleet.Columns, _ row: Int, pretty: Bool, to buffer: inout [UInt8]) -> Bool {
        let open: StaticString = pretty ? "    {\n      \"createdAt\" : " : "{\"createdAt\":"
        let (id, isEnabled, key, name, close): (StaticString, StaticString, StaticString, StaticString, StaticString) = pretty
            ? (",\n      \"id\" : ", ",\n      \"isEnabled\" : ", ",\n      \"key\" : ", ",\n      \"name\" : ", "\n    }")
            : (",\"id\":", ",\"isEnabled\":", ",\"key\":", ",\"name\":", "}")
        append(open, to: &buffer)
        let seconds = columns.createdAt[row]
        if seconds.isNaN {
            append("null", to: &buffer)
        } else {
            JSONBytes.appendDate(Date(timeIntervalSince1970: seconds), to: &buffer)
        }
        var high = false
        append(id, to: &buffer)
        high = appendString(columns, .id, row, to: &buffer) || high
        append(isEnabled, to: &buffer)
        switch columns.enabledStates[row] {
        case 1: append("true", to: &buffer)
        case 0: append("false", to: &buffer)
        default: append("null", to: &buffer)
        }
        append(key, to: &buffer)
        high = appendString(columns, .key, row, to: &buffer) || high
        append(name, to: &buffer)
        high = appendString(columns, .name, row, to: &buffer) || high
        append(close, to: &buffer)
        return high
    }

    @inline(__always)
    private static func append(_ text: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A field as a JSON string; true when it holds a byte above ASCII. A UUID kept as bytes is
    /// canonical text: nothing in it needs escaping.
    @inline(__always)
    private static func appendString(_ columns: SynchronizerFleet.Columns, _ field: SynchronizerFleet.Field, _ row: Int,
                                     to buffer: inout [UInt8]) -> Bool {
        if let uuid = columns.uuid(field, row) {
            buffer.append(UInt8(ascii: "\""))
            uuid.append(to: &buffer)
            buffer.append(UInt8(ascii: "\""))
            return false
        }
        return JSONBytes.appendString(UnsafeBufferPointer(rebasing: columns.arena[columns.textRange(field, row)!]), to: &buffer)
    }
}
