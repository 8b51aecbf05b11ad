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
        Self.widenPipe(descriptor)
    }

    /// A pipe's buffer raised from 64 KiB to the buffer's 1 MiB when it is one (`synq … | jq`):
    /// a list's chunks are written only after its last byte arrived, and through 64 KiB each
    /// chunk went out in two dozen turns of writer and reader (a 1M list into a pipe took
    /// 240–310 ms to write, 70 ms into a file). Best effort: a limit below 1 MiB
    /// (`/proc/sys/fs/pipe-max-size`) leaves the pipe as it is.
    static func widenPipe(_ descriptor: Int32) {
        // Anything but a pipe has no pipe size: -1 (EBADF), and it is left as it is.
        let size = fcntl(descriptor, getPipeSize)
        if size >= 0 && size < Int32(capacity) { _ = fcntl(descriptor, setPipeSize, Int32(capacity)) }
    }

    // F_SETPIPE_SZ and F_GETPIPE_SZ (Linux ABI, F_LINUX_SPECIFIC_BASE + 7 and + 8): glibc
    // defines them only under _GNU_SOURCE, which Swift's Glibc module does not import.
    private static let setPipeSize: Int32 = 1031
    private static let getPipeSize: Int32 = 1032

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
