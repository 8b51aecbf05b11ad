import Foundation

/// The Synvo API keys API. Every result carries the rate-limit budget the server reported.
public protocol SynvoAPI: Sendable {
    func listKeys() async throws(APIError) -> RateLimited<SynvoKeyList>
    func createKey(name: String?) async throws(APIError) -> RateLimited<CreatedSynvoKey>
}

/// Live Synvo client: header `X-API-Key`; create is `application/x-www-form-urlencoded`
/// and is never retried, since its plaintext key is shown only once.
public struct SynvoClient: SynvoAPI {
    public let endpoint: ServiceEndpoint
    private let apiKey: Secret
    private let transport: any HTTPTransport
    private let interpreter: ResponseInterpreter

    public init(endpoint: ServiceEndpoint, apiKey: Secret, transport: any HTTPTransport = AsyncHTTPClientTransport()) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.transport = transport
        self.interpreter = ResponseInterpreter(service: .synvo, redact: Redactor([apiKey]))
    }

    public func listKeys() async throws(APIError) -> RateLimited<SynvoKeyList> {
        try await call(HTTPRequest(method: .get, url: endpoint.url("/user/api_keys/list"), headers: headers))
    }

    public func createKey(name: String?) async throws(APIError) -> RateLimited<CreatedSynvoKey> {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        let body = name.map { "name=" + FormEncoding.encode($0) } ?? ""
        return try await call(HTTPRequest(method: .post, url: endpoint.url("/user/api_keys/create"), headers: headers, body: Data(body.utf8)), quoting: .withheld)
    }

    private var headers: [String: String] { ["X-API-Key": apiKey.reveal(), "Accept": "application/json"] }

    private func call<T: Decodable & Sendable>(_ request: HTTPRequest, quoting: ResponseInterpreter.Quoting = .redactedExcerpt) async throws(APIError) -> RateLimited<T> {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw .transport(.synvo, interpreter.redact(error))
        }
        let value = try interpreter.decode(T.self, from: response, quoting: quoting)
        return RateLimited(value: value, rateLimit: RateLimit(headers: response.headers))
    }
}

/// `application/x-www-form-urlencoded` value encoding (RFC 3986 unreserved kept, the rest escaped).
public enum FormEncoding {
    public static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
