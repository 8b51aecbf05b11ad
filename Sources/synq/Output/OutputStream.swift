import Foundation

/// Buffered writes to standard output for output too large to build in memory first (a
/// million-row list): bytes collect in a 1 MiB buffer that goes out with `write(2)` when
/// full. Everything written must already be terminal-safe (see `TerminalSafeBytes`).
/// A failed write (full disk, closed pipe) is an `OutputError`, which ends the command
/// with exit 74.
struct OutputStream {
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    static let capacity = 1 << 20

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.capacity + 4096)
    }

    /// Gives the buffer to `body` to write into directly, then flushes if it is full.
    mutating func withBuffer(_ body: (inout [UInt8]) -> Void) throws(OutputError) {
        body(&buffer)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Bytes formatted elsewhere: copied into the buffer when they fit, else sent straight
    /// out after what the buffer holds (a list's chunk is about 1.5 MB).
    mutating func write(_ bytes: [UInt8]) throws(OutputError) {
        if buffer.count + bytes.count <= Self.capacity {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        try Self.writeAll(bytes, to: descriptor)
    }

    mutating func flush() throws(OutputError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        try Self.writeAll(buffer, to: descriptor)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(OutputError) {
        var written = 0
        let total = bytes.count
        let error: Int32? = bytes.withUnsafeBytes { bytes in
            while written < total {
                let n = Glibc.write(descriptor, bytes.baseAddress! + written, total - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        if let error { throw OutputError(reason: String(cString: strerror(error))) }
    }
}
