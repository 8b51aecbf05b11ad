import Foundation
import Hummingbird
import ServiceLifecycle
import SynqAPI

/// Applies the armed fault, if one matches, to an API request. Answers that rewrite the real
/// response (`truncated`, `large`, `wrongType`) run the route first, so state changes happen
/// as they would when a real server's reply is mangled on the way back.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let injector: FaultInjector
    let service: SynqAPI.Service

    /// Thrown after closing the connection so no response is written.
    struct ConnectionDropped: Error {}

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let taken = await injector.take(method: request.method.rawValue, path: request.uri.path) else {
            return try await next(request, context)
        }
        let rule = taken.rule
        switch rule.kind {
        case .latency:
            // Cleared faults release the request early: it answers now.
            try await hold(context, for: .milliseconds(rule.latencyMs ?? 0), releasedAfter: taken.clears)
            return try await next(request, context)
        case .status:
            return errorResponse(status: rule.status ?? 500)
        case .malformed:
            return JSONResponses.raw(Data(#"{"success": true, "synchronizers": [{"id": "a1" "name": }, <html>oops</html>"#.utf8))
        case .truncated:
            var response = try await next(request, context)
            let data = try await response.body.collect()
            response.body = ResponseBody(byteBuffer: ByteBuffer(bytes: data.prefix(max(1, data.count / 2))))
            return response
        case .drop:
            try await drop(context)
        case .hang:
            // However the wait ends (cleared faults end it early), the client never gets an answer.
            try? await hold(context, for: FaultRule.maxHold, releasedAfter: taken.clears)
            try await drop(context)
        case .large:
            var response = try await next(request, context)
            let data = try await response.body.collect()
            response.body = Self.padded(data, to: rule.bytes ?? FaultRule.defaultLargeBytes)
            return response
        case .wrongType:
            var response = try await next(request, context)
            let data = try await response.body.collect()
            response.body = ResponseBody(byteBuffer: ByteBuffer(bytes: WrongTyper.rewrite(data, field: rule.field)))
            return response
        case .body:
            let code = rule.status ?? 200
            return JSONResponses.raw(rule.bodyData ?? Data(), status: HTTPStatus(code: code, reasonPhrase: Self.reasons[code] ?? "HTTP \(code)"))
        case .trickle:
            var response = try await next(request, context)
            let data = try await response.body.collect()
            let interval = Duration.milliseconds(rule.intervalMs ?? FaultRule.defaultTrickleIntervalMs)
            response.body = trickled(ByteBuffer(bytes: data), every: interval, context: context, releasedAfter: taken.clears)
            return response
        }
    }

    /// The body with its real length, one byte per `interval`; the rest at once when the
    /// faults are cleared, nothing more once the client has gone or the server is stopping.
    private func trickled(_ data: ByteBuffer, every interval: Duration, context: Context, releasedAfter clears: Int) -> ResponseBody {
        ResponseBody(contentLength: data.readableBytes) { writer in
            var rest = data
            var released = false
            while !released, let byte = rest.readSlice(length: 1) {
                try await writer.write(byte)
                guard rest.readableBytes > 0 else { break }
                // Throws when the client has gone or the server is stopping: the body ends there.
                try await hold(context, for: interval, releasedAfter: clears)
                released = await injector.isReleased(since: clears)
            }
            if rest.readableBytes > 0 { try await writer.write(rest) }
            try await writer.finish(nil)
        }
    }

    /// Waits, but gives up when the connection is closed or the server is shutting down
    /// (Ctrl-C must not wait ten minutes for a hung request), and returns early once the
    /// faults are cleared after `clears` (DELETE /__sandbox/faults releases held requests).
    /// A client that only half-closes keeps the channel active, so such a request is held
    /// until the deadline, a clear or shutdown.
    private func hold(_ context: Context, for duration: Duration, releasedAfter clears: Int) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: duration)
        while clock.now < deadline {
            guard context.channel.isActive, !Task.isShuttingDownGracefully else { throw ConnectionDropped() }
            if await injector.isReleased(since: clears) { return }
            let left = clock.now.duration(to: deadline)
            try await Task.sleep(for: min(left, .milliseconds(100)))
        }
    }

    private func drop(_ context: Context) async throws -> Never {
        try? await context.channel.close()
        throw ConnectionDropped()
    }

    /// An error with the API's own body shape: `{success:false,message}` or `{error,code}`.
    private func errorResponse(status code: Int) -> Response {
        let reason = Self.reasons[code] ?? "HTTP \(code)"
        let status = HTTPStatus(code: code, reasonPhrase: reason)
        switch service {
        case .enterprise:
            return JSONResponses.enterpriseError(status, reason)
        case .synvo:
            let code: String = switch code {
            case 400: SynvoErrorCode.badRequest.rawValue
            case 401: SynvoErrorCode.invalidAPIKey.rawValue
            case 429: SynvoErrorCode.rateLimited.rawValue
            default: reason.uppercased().replacingOccurrences(of: " ", with: "_")
            }
            return JSONResponses.synvoError(status, reason, code: code)
        }
    }

    /// Reason phrases for the statuses a fault campaign is likely to pick (`HTTPStatus(code:)`
    /// alone carries none).
    static let reasons: [Int: String] = [
        200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 408: "Request Timeout",
        409: "Conflict", 413: "Content Too Large", 422: "Unprocessable Content", 429: "Too Many Requests",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout",
    ]

    /// The real JSON object with an unknown `padding` field in front, streamed in 1 MiB chunks
    /// so a 50 MB answer never sits in memory twice.
    static func padded(_ data: Data, to bytes: Int) -> ResponseBody {
        guard data.first == UInt8(ascii: "{"), data.count > 2 else { return ResponseBody(byteBuffer: ByteBuffer(bytes: data)) }
        let head = Data(#"{"padding":""#.utf8)
        let tail = Data("\",".utf8) + data.dropFirst()
        let padding = max(0, bytes - head.count - tail.count)
        let chunkSize = 1 << 20
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: min(chunkSize, max(padding, 1)))
        return ResponseBody(contentLength: head.count + padding + tail.count) { writer in
            try await writer.write(ByteBuffer(bytes: head))
            var left = padding
            while left > 0 {
                let size = min(left, chunkSize)
                try await writer.write(size == chunk.readableBytes ? chunk : chunk.getSlice(at: chunk.readerIndex, length: size)!)
                left -= size
            }
            try await writer.write(ByteBuffer(bytes: tail))
            try await writer.finish(nil)
        }
    }
}
