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
    static func write<Out: ByteSink>(_ fleet: SynchronizerFleet, rows: some Sequence<Int>, skipped: Int, pretty: Bool,
                                     to out: inout Out) throws(Out.Failure) {
        try out.write(pretty ? "{\n  \"skipped\" : \(skipped),\n  \"synchronizers\" : [\n" : "{\"skipped\":\(skipped),\"synchronizers\":[")
        var first = true
        for row in rows {
            let separator = first ? "" : (pretty ? ",\n" : ",")
            first = false
            try out.withBuffer { buffer in
                buffer.append(contentsOf: separator.utf8)
                let start = buffer.count
                let unsafe = appendRow(fleet, row, pretty: pretty, to: &buffer)
                if unsafe {
                    let escaped = TerminalSafeBytes.escaped(Data(buffer[start...]))
                    buffer.replaceSubrange(start..., with: escaped)
                }
            }
        }
        // Indented, JSONEncoder closes an empty array as "[\n\n  ]" and a full one as "…}\n  ]".
        try out.write(pretty ? "\n  ]\n}\n" : "]}\n")
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
