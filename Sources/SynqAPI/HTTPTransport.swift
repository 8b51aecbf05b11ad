import Foundation

/// Sends requests. The live implementation is `AsyncHTTPClientTransport`.
///
/// Every transport keeps the same promises, whichever method is used: redirects are never
/// followed (a 3xx is `TransportFailure.redirected`), each request has one total deadline
/// (connect, headers and the whole body), and the body size cap is enforced while bytes arrive.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and streams its answer into `consume`.
    ///
    /// `consume` gets the status and headers as soon as they arrive, and the body as an
    /// `HTTPBodyStream` of byte chunks it iterates at its own pace (the server is not read
    /// ahead of it). While it iterates:
    /// - the request's total deadline keeps running: when it passes, `consume` is cancelled
    ///   (its `for try await` ends with an error) and `stream` throws `TransportFailure.timeout`;
    /// - more bytes than the transport's cap end the iteration with
    ///   `TransportFailure.responseTooLarge` before they are handed over (a `Content-Length`
    ///   above the cap fails before any byte is read).
    ///
    /// The body stream is only valid inside `consume`: do not let it escape. Errors are a
    /// `TransportFailure` (no answer, a redirect, the deadline, the cap, a lost connection)
    /// or whatever `consume` threw. `consume` is called at most once, and never for a 3xx.
    func stream<Result: Sendable>(
        _ request: HTTPRequest,
        _ consume: @escaping @Sendable (HTTPResponseHead, HTTPBodyStream) async throws -> Result
    ) async throws -> Result

    /// Sends `request` and collects the whole answer (within the cap and the deadline).
    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse
}

extension HTTPTransport {
    public func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        do {
            return try await stream(request) { head, body in
                var data = Data()
                if let length = head.header("Content-Length").flatMap(Int.init), length > 0 { data.reserveCapacity(length) }
                for try await chunk in body { chunk.withUnsafeBytes { data.append(contentsOf: $0) } }
                return HTTPResponse(status: head.status, headers: head.headers, body: data)
            }
        } catch let failure as TransportFailure {
            throw failure
        } catch {
            throw .other("request failed")
        }
    }
}
