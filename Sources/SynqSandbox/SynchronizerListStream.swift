import Foundation
import Hummingbird
import NIOCore
import SynqAPI

/// `GET …/synchronizers` as a stream: the list is read from SQLite a page at a time (keyset
/// pages on `seq`, each its own short read, so a toggle is never held behind a million-row
/// read) and each page is written as JSON straight from SQLite's rows (`SynchronizerListPage`)
/// as soon as it is read. A 1,000,000-row list (180 MB) starts arriving at once, and the
/// sandbox never holds more than one page.
///
/// The bytes are exactly those of `JSONCoding.encoder().encode(SynchronizerList(…))`:
/// `{"success":true,"synchronizers":[` (sorted keys), the pages' objects joined by commas, `]}`.
struct SynchronizerListStream: Sendable {
    let store: SandboxStore
    let accountID: String
    var pageSize = 4096

    static let head = ByteBuffer(string: #"{"success":true,"synchronizers":["#)
    static let tail = ByteBuffer(string: "]}")

    func response() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: JSONResponses.contentType],
            body: ResponseBody { writer in
                try await writer.write(Self.head)
                var last: Int64 = 0
                var first = true
                while true {
                    let page = try await store.synchronizerListPage(accountID: accountID, after: last, limit: pageSize, leadingComma: !first)
                    guard let end = page.lastSeq else { break }
                    try await writer.write(ByteBuffer(bytes: page.bytes))
                    first = false
                    last = end
                    if page.count < pageSize { break }
                }
                try await writer.write(Self.tail)
                try await writer.finish(nil)
            }
        )
    }
}
