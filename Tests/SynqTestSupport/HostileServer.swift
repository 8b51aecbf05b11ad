import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small scripted HTTP/1.1 server on loopback for what the sandbox should never do:
/// redirect elsewhere, trickle a body, send gigabytes, answer TLS with plain text. Each
/// connection gets one request and one scripted reply (`Connection: close`), on a thread of
/// its own with blocking sockets, so a reply can take as long as the script says. Every
/// request it received is recorded, headers and all.
public final class HostileServer: Sendable {
    /// One received request. Header names are lower-cased.
    public struct Request: Sendable {
        public var method: String
        public var target: String
        public var headers: [String: String]
        public var body: Data
    }

    /// What to do with a request.
    public enum Reply: Sendable {
        /// A whole answer at once.
        case respond(status: Int, headers: [String: String] = [:], body: Data = Data())
        /// The head at once (with `Content-Length: length`), then one `byte` every `interval`.
        case trickle(status: Int, headers: [String: String] = [:], length: Int, interval: Duration, byte: UInt8 = UInt8(ascii: "x"))
        /// The head (with `Content-Length: declared` when given, else a body ended by close),
        /// then `prefix`, then spaces in 64 KiB writes until `total` bytes are sent or the
        /// client goes away.
        case flood(declared: Int?, total: Int, prefix: Data = Data())
        /// These bytes, as they are, then close.
        case raw(Data)

        public static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> Reply {
            .respond(status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: Data(text.utf8))
        }
    }

    public let port: Int
    /// `http://127.0.0.1:port` (or `http://[::1]:port`).
    public let origin: String
    private let listener: Int32
    private let state: Locked<State>

    private struct State {
        var requests: [Request] = []
        var bytesSent = 0
        var stopped = false
    }

    /// A server that answers whatever arrives first (a TLS ClientHello, say) with `bytes`,
    /// without waiting for an HTTP request: plain HTTP where a client expects TLS.
    public static func answeringAnything(with bytes: Data = Data("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8)) throws -> HostileServer {
        try HostileServer(rawAnswer: bytes) { _ in .raw(bytes) }
    }

    /// Listens on a free loopback port (IPv6 `::1` when `ipv6`), answering with `script`.
    /// `acceptDelay` holds the accept thread back before its first `accept`, as a loaded
    /// machine does (for the test of `stop`).
    public convenience init(ipv6: Bool = false, acceptDelay: Duration = .zero, _ script: @escaping @Sendable (Request) -> Reply) throws {
        try self.init(ipv6: ipv6, acceptDelay: acceptDelay, rawAnswer: nil, script)
    }

    private init(ipv6: Bool = false, acceptDelay: Duration = .zero, rawAnswer: Data?, _ script: @escaping @Sendable (Request) -> Reply) throws {
        let (listener, port) = try Socket.listen(ipv6: ipv6)
        self.listener = listener
        self.port = port
        self.origin = ipv6 ? "http://[::1]:\(port)" : "http://127.0.0.1:\(port)"
        let state = Locked(State())
        self.state = state
        Socket.acceptLoop(listener, delay: acceptDelay) { connection in
            if let rawAnswer {
                _ = Socket.read(connection)
                Socket.write(connection, rawAnswer)
                close(connection)
            } else {
                Self.serve(connection, script: script, state: state)
            }
        }
    }

    deinit { stop() }

    /// Stops listening (new connections are refused); connections being served end at their
    /// next write. The accept thread closes the listener as it ends (see `Socket.acceptLoop`).
    public func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    public var requests: [Request] { state.withLock { $0.requests } }
    /// Body bytes written so far, over all connections.
    public var bytesSent: Int { state.withLock { $0.bytesSent } }

    private static func serve(_ fd: Int32, script: @Sendable (Request) -> Reply, state: Locked<State>) {
        defer { close(fd) }
        guard let request = Socket.readRequest(fd) else { return }
        state.withLock { $0.requests.append(request) }
        let stopped = { state.withLock { $0.stopped } }
        let count = { (n: Int) in state.withLock { $0.bytesSent += n } }
        switch script(request) {
        case .respond(let status, let headers, let body):
            _ = Socket.write(fd, head(status, headers, length: body.count) + body)
        case .trickle(let status, let headers, let length, let interval, let byte):
            guard Socket.write(fd, head(status, headers, length: length)) else { return }
            for _ in 0..<length {
                Thread.sleep(forTimeInterval: Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
                if stopped() || !Socket.write(fd, Data([byte])) { return }
                count(1)
            }
        case .flood(let declared, let total, let prefix):
            guard Socket.write(fd, head(200, ["Content-Type": "application/json"], length: declared) + prefix) else { return }
            count(prefix.count)
            let block = Data(repeating: UInt8(ascii: " "), count: 65_536)
            var sent = prefix.count
            while sent < total, !stopped() {
                let piece = block.prefix(total - sent)
                guard Socket.write(fd, piece) else { return }
                sent += piece.count
                count(piece.count)
            }
        case .raw(let bytes):
            _ = Socket.write(fd, bytes)
        }
    }

    private static func head(_ status: Int, _ headers: [String: String], length: Int?) -> Data {
        var text = "HTTP/1.1 \(status) Scripted\r\nConnection: close\r\n"
        if let length { text += "Content-Length: \(length)\r\n" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n").utf8)
    }
}

/// A value behind a lock, for state shared with server threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// Blocking POSIX socket helpers for the loopback test servers.
enum Socket {
    struct Failure: Error { var call: String; var code: Int32 }

    static func listen(ipv6: Bool) throws -> (Int32, Int) {
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(call: "socket", code: errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var bound: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_addr = in6addr_loopback
            bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw Failure(call: "bind/listen", code: code)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = withUnsafePointer(to: &storage) { pointer -> UInt16 in
            ipv6 ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
                 : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port }
        }
        return (fd, Int(UInt16(bigEndian: port)))
    }

    /// Accepts connections on a thread of its own until `listener` is shut down, each handled
    /// on a new thread, then closes `listener`.
    ///
    /// Only this thread closes the listener: were `stop` to close it, a thread that had not
    /// yet reached `accept` (a loaded machine starts threads late) would later call `accept`
    /// on that descriptor number — by then the next server's listener — and answer that
    /// server's requests with its own script.
    static func acceptLoop(_ listener: Int32, delay: Duration = .zero, _ handle: @escaping @Sendable (Int32) -> Void) {
        Thread.detachNewThread {
            defer { close(listener) }
            if delay > .zero { Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18) }
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 {
                    if errno == EINTR { continue }
                    return
                }
                Thread.detachNewThread { handle(connection) }
            }
        }
    }

    /// Connects to `127.0.0.1:port` (or `::1`).
    static func connect(host: String, port: Int) -> Int32? {
        let ipv6 = host.contains(":")
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var result: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), &address.sin6_addr)
            result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
            result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        if result != 0 {
            close(fd)
            return nil
        }
        return fd
    }

    /// Writes all of `data`; false when the peer is gone (never raises SIGPIPE).
    @discardableResult
    static func write(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// Reads once; nil at end of stream or on error.
    static func read(_ fd: Int32, max: Int = 65_536) -> Data? {
        var buffer = [UInt8](repeating: 0, count: max)
        while true {
            let n = recv(fd, &buffer, max, 0)
            if n < 0 && errno == EINTR { continue }
            return n > 0 ? Data(buffer[0..<n]) : nil
        }
    }

    /// One request: the head up to the blank line, then `Content-Length` body bytes.
    /// `leftover` gets bytes read past the body (pipelined data a proxy must pass on).
    static func readRequest(_ fd: Int32) -> HostileServer.Request? {
        var leftover = Data()
        return readRequest(fd, leftover: &leftover)
    }

    static func readRequest(_ fd: Int32, leftover: inout Data) -> HostileServer.Request? {
        var buffer = Data()
        let separator = Data("\r\n\r\n".utf8)
        var end: Range<Data.Index>?
        while end == nil {
            guard buffer.count < 65_536, let more = read(fd) else { return nil }
            buffer.append(more)
            end = buffer.range(of: separator)
        }
        guard let end else { return nil }
        let lines = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[end.upperBound...])
        let length = headers["content-length"].flatMap(Int.init) ?? 0
        while body.count < length {
            guard let more = read(fd) else { break }
            body.append(more)
        }
        leftover = body.count > length ? Data(body[(body.startIndex + length)...]) : Data()
        body = Data(body.prefix(length))
        return HostileServer.Request(method: parts[0], target: parts[1], headers: headers, body: body)
    }
}
