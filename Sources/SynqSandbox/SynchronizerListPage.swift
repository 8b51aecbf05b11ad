import Foundation
import GRDB
import GRDBSQLite
import SynqAPI

/// One page of an account's synchronizer list, read from SQLite and written straight into
/// the list's JSON bytes: each row's columns go from SQLite's own buffers into the page, no
/// record, model or `Codable` per row. A 1,000,000-row list is 245 such pages.
///
/// The bytes are those `JSONCoding.encoder()` writes for the rows' `Synchronizer` values
/// (as `SynchronizerRecord` would read them): keys sorted, `createdAt` first.
struct SynchronizerListPage: Sendable {
    /// The rows' objects joined by commas (a comma first unless this is the first page).
    var bytes: [UInt8]
    var count: Int
    /// `seq` of the last row, where the next page starts; nil when the page is empty.
    var lastSeq: Int64?

    static let sql = """
        SELECT seq, id, key, name, is_enabled, created_at FROM synchronizer
        WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?
        """

    static func read(_ db: Database, accountID: String, after seq: Int64, limit: Int, leadingComma: Bool) throws -> SynchronizerListPage {
        let statement = try db.cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: [accountID, seq, limit])
        let sqlite = statement.sqliteStatement
        var page = SynchronizerListPage(bytes: [], count: 0, lastSeq: nil)
        page.bytes.reserveCapacity(min(limit, 4096) * 200)
        // The cursor steps the statement; each row is read from it in place.
        while try rows.next() != nil {
            if leadingComma || page.count > 0 { page.bytes.append(UInt8(ascii: ",")) }
            appendRow(sqlite, to: &page.bytes)
            page.lastSeq = sqlite3_column_int64(sqlite, 0)
            page.count += 1
        }
        return page
    }

    /// `{"createdAt":…,"id":…,"isEnabled":…,"key":…,"name":…}` of the statement's current row.
    private static func appendRow(_ sqlite: OpaquePointer, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: #"{"createdAt":"#.utf8)
        JSONBytes.appendDate(Date(timeIntervalSince1970: sqlite3_column_double(sqlite, 5)), to: &buffer)
        buffer.append(contentsOf: #","id":"#.utf8)
        appendText(sqlite, 1, to: &buffer)
        buffer.append(contentsOf: #","isEnabled":"#.utf8)
        buffer.append(contentsOf: sqlite3_column_int64(sqlite, 4) != 0 ? "true".utf8 : "false".utf8)
        buffer.append(contentsOf: #","key":"#.utf8)
        appendText(sqlite, 2, to: &buffer)
        buffer.append(contentsOf: #","name":"#.utf8)
        appendText(sqlite, 3, to: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// A text column as a JSON string. Printable ASCII (nearly every value) is escaped from
    /// SQLite's bytes directly; anything else is read as GRDB reads a `String` (up to a NUL,
    /// invalid UTF-8 repaired), so the bytes stay those of the record's value.
    private static func appendText(_ sqlite: OpaquePointer, _ column: Int32, to buffer: inout [UInt8]) {
        guard let text = sqlite3_column_text(sqlite, column) else {
            JSONBytes.appendString("", to: &buffer)
            return
        }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqlite, column)))
        if bytes.allSatisfy({ $0 != 0 && $0 < 0x80 }) {
            JSONBytes.appendString(bytes, to: &buffer)
        } else {
            JSONBytes.appendString(String(cString: text), to: &buffer)
        }
    }
}
