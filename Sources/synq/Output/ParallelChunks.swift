import Foundation

/// Output made of independent chunks (8,192 rows of a list each), formatted on every core and
/// written in order.
///
/// A million-row list is formatted only after its last byte arrived (the stable shape puts
/// `skipped` first, the table aligns on every row, and a list that breaks half way prints only
/// its error), and by then the server is done and both cores are free: formatting on one of
/// them was half of `synchronizers list`'s time at 1M. Each chunk is a child task's own
/// buffer (nothing is shared but the immutable rows), at most `ahead` of them in flight past
/// the one being written, so memory stays a few chunks whatever the list's size.
enum ParallelChunks {
    /// Chunks formatted ahead of the one being written: enough to keep every core busy while
    /// one chunk goes out.
    static var ahead: Int { max(2, 2 * cores) }

    /// The cores this process may use, read once: Foundation reads the cgroup's files on every
    /// call (four files, a few hundred microseconds, each time a list was written).
    static let cores = ProcessInfo.processInfo.activeProcessorCount

    /// Rows per chunk of a list's output (about 1.5 MB of JSON, 1.2 MB of table).
    static let rowsPerChunk = 8_192

    /// How many chunks `rows` rows make.
    static func count(ofRows rows: Int) -> Int { (rows + rowsPerChunk - 1) / rowsPerChunk }

    /// The rows of chunk `chunk` of a list of `rows` rows.
    static func rows(ofChunk chunk: Int, in rows: Int) -> Range<Int> {
        (chunk * rowsPerChunk)..<min((chunk + 1) * rowsPerChunk, rows)
    }

    /// `transform(0)`, `transform(1)`, … `transform(count - 1)`, computed on every core.
    static func map<T: Sendable>(count: Int, _ transform: @escaping @Sendable (Int) -> T) async -> [T] {
        guard count > 1, cores > 1 else { return (0..<count).map(transform) }
        return await withTaskGroup(of: (Int, T).self) { group in
            for chunk in 0..<count { group.addTask { (chunk, transform(chunk)) } }
            var results = [T?](repeating: nil, count: count)
            for await (chunk, value) in group { results[chunk] = value }
            return results.compactMap { $0 }
        }
    }

    /// The output of `format(0)`, `format(1)`, … `format(count - 1)`, in that order.
    static func write<Out: ByteSink>(count: Int, to out: inout Out,
                                     format: @escaping @Sendable (Int) -> [UInt8]) async throws(Out.Failure) {
        guard count > 1, cores > 1 else {
            for chunk in 0..<count { try out.write(format(chunk)) }
            return
        }
        let failure: Out.Failure? = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            var started = 0
            func start() {
                let chunk = started
                group.addTask { (chunk, format(chunk)) }
                started += 1
            }
            while started < min(count, Self.ahead) { start() }
            var waiting: [Int: [UInt8]] = [:]
            var next = 0
            for await (chunk, bytes) in group {
                waiting[chunk] = bytes
                while let ready = waiting.removeValue(forKey: next) {
                    do throws(Out.Failure) {
                        try out.write(ready)
                    } catch {
                        group.cancelAll()
                        return error
                    }
                    next += 1
                    if started < count { start() }
                }
            }
            return nil
        }
        if let failure { throw failure }
    }
}
