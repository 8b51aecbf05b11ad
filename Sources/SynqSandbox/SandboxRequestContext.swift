import Hummingbird
import NIOCore

/// Request context of the sandbox: Hummingbird's core storage plus the connection's channel,
/// which the control routes need for the peer address and the `drop` fault for closing it.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// True when the peer is on this machine (127.0.0.0/8, ::1, or IPv4-mapped loopback).
    var peerIsLoopback: Bool {
        channel.remoteAddress?.ipAddress.map(Self.isLoopback(ipAddress:)) ?? false
    }

    static func isLoopback(ipAddress address: String) -> Bool {
        if address == "::1" { return true }
        let v4 = address.lowercased().hasPrefix("::ffff:") ? String(address.dropFirst(7)) : address
        let parts = v4.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

/// Hummingbird's status and method types under names that do not clash with the client
/// library's own `HTTPResponse`/`HTTPRequest` in files that import both.
typealias HTTPStatus = HTTPResponse.Status

