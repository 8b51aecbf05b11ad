import AsyncHTTPClient
import Foundation
import SynqText
import NIOCore
import NIOPosix
import NIOSSL

extension TransportFailure {
    /// What an error from the HTTP client means for the user. `target` is the server's
    /// `host:port`; a refused connection through a proxy names the proxy instead.
    init(_ error: any Error, target: String, proxy: ProxyRoute) {
        let peer = proxy.endpoint.map { "proxy \($0)" } ?? target
        switch error {
        case let failure as TransportFailure:
            self = failure
        case is CancellationError:
            self = .cancelled
        case let error as HTTPClientError:
            self = Self.clientFailure(error, target: target, peer: peer)
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first {
                self = TransportFailure(first.error, target: target, proxy: proxy)
            } else if error.dnsAError != nil || error.dnsAAAAError != nil {
                self = .hostNotFound(Sanitizer.clean(error.host))
            } else {
                self = .other("could not connect to \(peer)")
            }
        case is SocketAddressError:
            self = .hostNotFound(proxy.endpoint ?? target)
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: self = .refused(peer)
            case ECONNRESET, EPIPE: self = .connectionLost
            case ETIMEDOUT: self = .timeout
            case ENETUNREACH, EHOSTUNREACH: self = .other("\(peer) is unreachable")
            default: self = .other("network error talking to \(peer): \(Sanitizer.clean(String(describing: error)))")
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout: self = .timeout
            case .writeHostUnreachable: self = .other("\(peer) is unreachable")
            default: self = .connectionLost
            }
        case let error as NIOSSLError:
            self = .tls(endpoint: target, reason: Self.tlsReason(String(describing: error)))
        case let error as BoringSSLError:
            self = .tls(endpoint: target, reason: Self.tlsReason(String(describing: error)))
        case let error as NIOSSLExtraError:
            self = .tls(endpoint: target, reason: Self.tlsReason(String(describing: error)))
        default:
            self = .other("request failed: \(Sanitizer.clean(String(String(describing: error).prefix(120))))")
        }
    }

    private static func clientFailure(_ error: HTTPClientError, target: String, peer: String) -> TransportFailure {
        switch error {
        case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout, .tlsHandshakeTimeout,
             .getConnectionFromPoolTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
            .timeout
        case .remoteConnectionClosed, .bodyLengthMismatch, .uncleanShutdown:
            .connectionLost
        case .cancelled:
            .cancelled
        case .proxyAuthenticationRequired:
            .proxy("\(peer) asks for credentials (HTTP 407); put them in the proxy URL (http://user:password@host:port)")
        case .invalidProxyResponse:
            .proxy("\(peer) would not open a tunnel to \(target)")
        case .invalidURL, .emptyHost, .emptyScheme:
            .other("invalid URL")
        default:
            .other("HTTP error: \(Sanitizer.clean(String(describing: error)))")
        }
    }

    /// BoringSSL's reason names (`CERTIFICATE_VERIFY_FAILED`) as words, or the error's own
    /// short text when it has none.
    static func tlsReason(_ text: String) -> String {
        let names = text.split { !($0.isUppercase || $0 == "_") }.filter { $0.count > 4 && $0.contains("_") }
        var seen: [String] = []
        for name in names.map({ $0.lowercased().replacingOccurrences(of: "_", with: " ") }) where !seen.contains(name) {
            seen.append(name)
        }
        if !seen.isEmpty { return seen.prefix(2).joined(separator: ", ") }
        if text.contains("failedToValidateHostname") { return "the certificate is not for this host" }
        return "the server's certificate or handshake was not accepted"
    }
}
