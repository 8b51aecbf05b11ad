import Foundation

/// Turns an HTTP answer into a value or an `APIError`, following each API's documented
/// status codes and error bodies (`{success,message}` for Enterprise, `{error,code}` for Synvo).
struct ResponseInterpreter: Sendable {
    let service: Service
    let redact: Redactor

    /// How much of an unreadable body an error may show.
    enum Quoting {
        /// A redacted excerpt (known secrets and credential shapes removed).
        case redactedExcerpt
        /// Nothing: the answer to a create carries a new key, and a body the decoder could
        /// not read is one whose secrets redaction cannot be trusted to find.
        case withheld
    }

    static let withheldExcerpt = "(not shown: the answer to a create can hold a new key)"

    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, quoting: Quoting = .redactedExcerpt) throws(APIError) -> T {
        guard (200..<300).contains(response.status) else { throw error(for: response) }
        do {
            return try JSONCoding.decoder().decode(T.self, from: response.body)
        } catch {
            let excerpt = quoting == .withheld ? Self.withheldExcerpt : redact.excerpt(response.body)
            throw .undecodable(service, status: response.status, excerpt: excerpt)
        }
    }

    /// The synchronizer list, through the streaming list parser (same acceptance as `decode`).
    func synchronizerList(from response: HTTPResponse) throws(APIError) -> SynchronizerList {
        guard (200..<300).contains(response.status) else { throw error(for: response) }
        do {
            let outcome = try SynchronizerListParser.parse(response.body)
            return SynchronizerList(success: outcome.success, fleet: outcome.fleet, skipped: outcome.skipped)
        } catch {
            throw .undecodable(service, status: response.status, excerpt: redact.excerpt(response.body))
        }
    }

    func error(for response: HTTPResponse) -> APIError {
        let (message, code) = errorText(response.body)
        let fallback = HTTPURLResponseStatusText.text(for: response.status)
        switch response.status {
        case 400: return .badRequest(service, message: message ?? fallback)
        case 401: return .unauthorized(service, message: message ?? fallback, code: code)
        case 403: return .forbidden(service, message: message ?? fallback)
        case 404: return .notFound(service, message: message ?? fallback)
        case 429:
            let limit = RateLimit(headers: response.headers)
            let retryAfter = response.headers.first { $0.key.caseInsensitiveCompare("Retry-After") == .orderedSame }
                .flatMap { Double($0.value.trimmingCharacters(in: .whitespaces)) }
                .flatMap { $0 >= 0 ? RateLimit.plausibleDate(secondsSince1970: Date().timeIntervalSince1970 + $0) : nil }
            return .rateLimited(service, resetAt: limit?.reset ?? retryAfter, rateLimit: limit)
        default: return .server(service, status: response.status, message: message)
        }
    }

    /// The human message and Synvo code of an error body, whichever shape it has.
    private func errorText(_ body: Data) -> (String?, SynvoErrorCode?) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return (nil, nil) }
        let code = (object["code"] as? String).flatMap(SynvoErrorCode.init(rawValue:))
        let raw = (object["message"] as? String) ?? (object["error"] as? String)
        let message = raw.map { redact.prefix($0, limit: 300) }
        return (message, code)
    }
}

/// Short reason phrases for statuses, used when a server sends no message.
enum HTTPURLResponseStatusText {
    static func text(for status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        default: "HTTP \(status)"
        }
    }
}
