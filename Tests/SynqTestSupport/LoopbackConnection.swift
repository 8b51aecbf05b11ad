import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a loopback port, for what an HTTP client library hides: bytes
/// as they arrive, a request sent half-way and left open, a connection that never speaks.
public final class LoopbackConnection: @unchecked Sendable {
    /// The socket; closed once in `close()` or `deinit`. Used from one task at a time.
    private var descriptor: Int32

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw Failure(description: "connect to port \(port): \(reason)")
        }
    }

    deinit { close() }

    public func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    public func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Text read until `marker` has arrived (included), failing after `timeout`.
    public func read(until marker: String, timeout: Duration) async throws -> String {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !String(decoding: received, as: UTF8.self).contains(marker) {
            guard let byte = try await readByte(before: deadline) else {
                throw Failure(description: "connection closed before \(marker.debugDescription) arrived; got \(String(decoding: received, as: UTF8.self).debugDescription)")
            }
            received.append(byte)
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Exactly `count` bytes as text, failing after `timeout`.
    public func read(bytes count: Int, timeout: Duration) async throws -> String {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while received.count < count {
            guard let byte = try await readByte(before: deadline) else { throw Failure(description: "connection closed after \(received.count) bytes") }
            received.append(byte)
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Whether the server closed the connection (end of stream or reset) within `timeout`;
    /// bytes it sends meanwhile are read and dropped.
    public func isClosedByServer(within timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        do {
            while try await readByte(before: deadline) != nil {}
            return true
        } catch is TimedOut {
            return false
        }
    }

    struct TimedOut: Error {}

    /// One byte, nil at end of stream (or a reset); throws `TimedOut` at the deadline.
    /// Polls without blocking and sleeps between polls: an in-process sandbox answers on the
    /// same small cooperative pool.
    private func readByte(before deadline: ContinuousClock.Instant) async throws -> UInt8? {
        while true {
            guard ContinuousClock.now < deadline else { throw TimedOut() }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 0)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else {
                try await Task.sleep(for: .milliseconds(5))
                continue
            }
            var byte: UInt8 = 0
            let got = recv(descriptor, &byte, 1, 0)
            if got == 1 { return byte }
            if got == 0 || errno == ECONNRESET { return nil }
            if errno == EINTR || errno == EAGAIN { continue }
            throw Failure(description: "recv: \(String(cString: strerror(errno)))")
        }
    }
}
