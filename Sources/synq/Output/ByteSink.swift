/// Where streamed output goes: standard output through `OutputStream`'s buffer, or bytes
/// collected in memory (small tables, and the fuzz target that checks the fleet's JSON).
protocol ByteSink {
    associatedtype Failure: Error
    /// Gives the sink's buffer to `body` to append to; the sink may write it out afterwards.
    mutating func withBuffer(_ body: (inout [UInt8]) -> Void) throws(Failure)
    /// Writes bytes formatted elsewhere (a chunk of a list): a sink may send a large one
    /// straight out instead of copying it into its buffer.
    mutating func write(_ bytes: [UInt8]) throws(Failure)
}

extension ByteSink {
    mutating func write(_ bytes: [UInt8]) throws(Failure) {
        try withBuffer { $0.append(contentsOf: bytes) }
    }

    mutating func write(_ text: String) throws(Failure) {
        try withBuffer { $0.append(contentsOf: text.utf8) }
    }
}

/// Bytes collected into memory.
struct CollectedOutput: ByteSink {
    var bytes: [UInt8] = []
    var text: String { String(decoding: bytes, as: UTF8.self) }
    mutating func withBuffer(_ body: (inout [UInt8]) -> Void) { body(&bytes) }
}

extension OutputStream: ByteSink {}
