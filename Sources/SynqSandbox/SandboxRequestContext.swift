import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore
import SynqAPI

/// Request context of the sandbox: Hummingbird's core storage plus the connection's channel,
/// which the control routes need for the peer address and the `drop` fault for closing it.
/// Bodies it decodes (the control routes') must say `application/json`.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// Room for a `body` fault carrying a hostile list.
    public var maxUploadSize: Int { 4 * 1_048_576 }
    public var requestDecoder: JSONBodyDecoder { JSONBodyDecoder(requiresJSONContentType: true) }

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

/// The Enterprise API's routes: the account `EnterpriseAuthenticator` found, JSON bodies.
struct EnterpriseRequestContext: ChildRequestContext, AuthRequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    var identity: EnterpriseAccount?

    init(context: SandboxRequestContext) {
        self.coreContext = context.coreContext
        self.channel = context.channel
    }

    var maxUploadSize: Int { 64 * 1024 }
    /// The client sends `application/json`; the sandbox, like a lenient server, reads the
    /// body as JSON whatever the header says.
    var requestDecoder: JSONBodyDecoder { JSONBodyDecoder(requiresJSONContentType: false) }
}

/// The Synvo API's routes: the key `SynvoAuthenticator` accepted, form-encoded bodies.
struct SynvoRequestContext: ChildRequestContext, AuthRequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    var identity: PresentedSynvoKey?

    init(context: SandboxRequestContext) {
        self.coreContext = context.coreContext
        self.channel = context.channel
    }

    var maxUploadSize: Int { 16 * 1024 }
    var requestDecoder: FormBodyDecoder { FormBodyDecoder() }
}

/// Hummingbird's status and method types under names that do not clash with the client
/// library's own `HTTPResponse`/`HTTPRequest` in files that import both.
typealias HTTPStatus = HTTPResponse.Status
