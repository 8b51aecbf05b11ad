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

    /// The synchronizer list read as its body arrives: each chunk goes to the streaming list
    /// parser, so the body is never held and a body that is not JSON stops being read at its
    /// first wrong byte. An answer that is not a success is collected (within the transport's
    /// cap) for its error message.
    ///
    /// Throws only what the body stream throws (from `HTTPBodyStream`, a `TransportFailure`:
    /// the cap, the deadline, a lost connection); what the server said is the `Result`.
    func synchronizerList<Body: AsyncSequence>(head: HTTPResponseHead, body: Body) async throws -> Result<SynchronizerList, APIError>
    where Body.Element: ContiguousBytes {
        guard (200..<300).contains(head.status) else {
            var data = Data()
            for try await chunk in body { chunk.withUnsafeBytes { data.append(contentsOf: $0) } }
            return .failure(error(for: HTTPResponse(status: head.status, headers: head.headers, body: data)))
        }
        let parser = SynchronizerListParser(expectedBytes: head.header("Content-Length").flatMap(Int.init))
        for try await chunk in body {
            do {
                try parser.consume(chunk)
            } catch {
                return .failure(undecodable(head.status, parser))
            }
        }
        return list(head.status, parser)
    }

    /// The synchronizer list from a body already in memory, read the same way.
    func synchronizerList(from response: HTTPResponse) throws(APIError) -> SynchronizerList {
        guard (200..<300).contains(response.status) else { throw error(for: response) }
        let parser = SynchronizerListParser(expectedBytes: response.body.count)
        do {
            try parser.consume(response.body)
        } catch {
            throw undecodable(response.status, parser)
        }
        return try list(response.status, parser).get()
    }

    private func list(_ status: Int, _ parser: SynchronizerListParser) -> Result<SynchronizerList, APIError> {
        do {
            let outcome = try parser.finish()
            return .success(SynchronizerList(success: outcome.success, fleet: outcome.fleet, skipped: outcome.skipped))
        } catch {
            return .failure(undecodable(status, parser))
        }
    }

    /// A list that could not be read, quoting (redacted) only the first bytes the parser kept.
    private func undecodable(_ status: Int, _ parser: SynchronizerListParser) -> APIError {
        .undecodable(service, status: status, excerpt: redact.excerpt(Data(parser.head)))
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
