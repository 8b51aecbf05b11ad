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
    /// Rows per call into the output's buffer (about 1.5 MB of JSON).
    static let chunkRows = 8_192

    static func write<Out: ByteSink>(_ fleet: SynchronizerFleet, rows: [Int], skipped: Int, pretty: Bool,
                                     to out: inout Out) throws(Out.Failure) {
        try out.write(pretty ? "{\n  \"skipped\" : \(skipped),\n  \"synchronizers\" : [\n" : "{\"skipped\":\(skipped),\"synchronizers\":[")
        for start in stride(from: 0, to: rows.count, by: chunkRows) {
            try out.withBuffer { buffer in
                appendRows(fleet, rows[start..<min(start + chunkRows, rows.count)], first: start == 0, pretty: pretty, to: &buffer)
            }
        }
        // Indented, JSONEncoder closes an empty array as "[\n\n  ]" and a full one as "…}\n  ]".
        try out.write(pretty ? "\n  ]\n}\n" : "]}\n")
    }

    /// Rows' objects, each after a separator unless it is the list's first; a row holding a
    /// byte above ASCII is made terminal-safe.
    private static func appendRows(_ fleet: SynchronizerFleet, _ rows: ArraySlice<Int>, first: Bool, pretty: Bool, to buffer: inout [UInt8]) {
        let separator: StaticString = pretty ? ",\n" : ","
        for position in rows.indices {
            let row = rows[position]
            if !first || position != rows.startIndex { buffer.append(contentsOf: UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)) }
            let start = buffer.count
            if appendRow(fleet, row, pretty: pretty, to: &buffer) {
                let escaped = TerminalSafeBytes.escaped(Data(buffer[start...]))
                buffer.replaceSubrange(start..., with: escaped)
            }
        }
    }

    /// One row's object; true when it holds a byte above ASCII (it may need escaping).
    private static func appendRow(_ fleet: SynchronizerFleet, _ row: Int, pretty: Bool, to buffer: inout [UInt8]) -> Bool {
        let open = pretty ? "    {\n      \"createdAt\" : " : "{\"createdAt\":"
        let (id, isEnabled, key, name, close) = pretty
            ? (",\n      \"id\" : ", ",\n      \"isEnabled\" : ", ",\n      \"key\" : ", ",\n      \"name\" : ", "\n    }")
            : (",\"id\":", ",\"isEnabled\":", ",\"key\":", ",\"name\":", "}")
        buffer.append(contentsOf: open.utf8)
        if let date = fleet.createdDate(at: row) {
            JSONBytes.appendDate(date, to: &buffer)
        } else {
            buffer.append(contentsOf: "null".utf8)
        }
        var high = false
        fleet.arena.withUnsafeBufferPointer { arena in
            buffer.append(contentsOf: id.utf8)
            high = JSONBytes.appendString(UnsafeBufferPointer(rebasing: arena[fleet.idRange(row)]), to: &buffer) || high
            buffer.append(contentsOf: isEnabled.utf8)
            switch fleet.isEnabled(at: row) {
            case true?: buffer.append(contentsOf: "true".utf8)
            case false?: buffer.append(contentsOf: "false".utf8)
            case nil: buffer.append(contentsOf: "null".utf8)
            }
            buffer.append(contentsOf: key.utf8)
            high = JSONBytes.appendString(UnsafeBufferPointer(rebasing: arena[fleet.keyRange(row)]), to: &buffer) || high
            buffer.append(contentsOf: name.utf8)
            high = JSONBytes.appendString(UnsafeBufferPointer(rebasing: arena[fleet.nameRange(row)]), to: &buffer) || high
        }
        buffer.append(contentsOf: close.utf8)
        return high
    }
}
