import Foundation
import SynqText

/// The Enterprise API: synchronizers and preferences. A protocol so view models and
/// commands can be handed any implementation; `EnterpriseClient` is the live one.
public protocol EnterpriseAPI: Sendable {
    func listSynchronizers() async throws(APIError) -> SynchronizerList
    func createSynchronizer(name: String) async throws(APIError) -> SynchronizerResult
    func setSynchronizer(id: String, enabled: Bool) async throws(APIError) -> SynchronizerResult
    func preferences() async throws(APIError) -> PreferencesResponse
}

/// Live Enterprise API client: header `X-Enterprise-API-Key`, JSON bodies. Never retries;
/// in particular a create is sent exactly once.
public struct EnterpriseClient: EnterpriseAPI {
    public let endpoint: ServiceEndpoint
    private let apiKey: Secret
    private let transport: any HTTPTransport
    private let interpreter: ResponseInterpreter

    public init(endpoint: ServiceEndpoint, apiKey: Secret, transport: any HTTPTransport = AsyncHTTPClientTransport()) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.transport = transport
        self.interpreter = ResponseInterpreter(service: .enterprise, redact: Redactor([apiKey]))
    }

    /// The whole fleet, parsed into compact storage as the body arrives from the socket
    /// (never held whole), under the transport's deadline and size cap.
    public func listSynchronizers() async throws(APIError) -> SynchronizerList {
        let interpreter = self.interpreter
        let answer: Result<SynchronizerList, APIError>
        do {
            answer = try await transport.stream(request(.get, "/synq-keys/enterprise/synchronizers", body: nil as String?)) { head, body in
                try await interpreter.synchronizerList(head: head, body: body)
            }
        } catch {
            throw .transport(.enterprise, interpreter.redact(error as? TransportFailure ?? .other("request failed")))
        }
        return try explainingNotFound { () throws(APIError) in try answer.get() }
    }

    public func createSynchronizer(name: String) async throws(APIError) -> SynchronizerResult {
        try await call(.post, "/synq-keys/enterprise/synchronizer", body: CreateSynchronizerRequest(name: name), quoting: .withheld)
    }

    public func setSynchronizer(id: String, enabled: Bool) async throws(APIError) -> SynchronizerResult {
        // An id that is not one (`..` would make the path `…/enterprise/toggle`) is never sent.
        guard ServerToken.isValid(id, kind: .identifier) else { throw .invalidID(.enterprise, Sanitizer.clean(String(id.prefix(60)))) }
        let path = "/synq-keys/enterprise/synchronizer/\(ServiceEndpoint.pathSegment(id))/toggle"
        return try await call(.put, path, body: ToggleSynchronizerRequest(isEnabled: enabled))
    }

    public func preferences() async throws(APIError) -> PreferencesResponse {
        try await call(.get, "/synq-keys/enterprise/preferences", body: nil as String?)
    }

    private func call<Body: Encodable, T: Decodable>(_ method: HTTPRequest.Method, _ path: String, body: Body?,
                                                     quoting: ResponseInterpreter.Quoting = .redactedExcerpt) async throws(APIError) -> T {
        let response = try await send(method, path, body: body)
        return try explainingNotFound { () throws(APIError) in try interpreter.decode(T.self, from: response, quoting: quoting) }
    }

    private func send<Body: Encodable>(_ method: HTTPRequest.Method, _ path: String, body: Body?) async throws(APIError) -> HTTPResponse {
        do {
            return try await transport.send(request(method, path, body: body))
        } catch {
            throw .transport(.enterprise, interpreter.redact(error))
        }
    }

    private func request<Body: Encodable>(_ method: HTTPRequest.Method, _ path: String, body: Body?) -> HTTPRequest {
        var headers = ["X-Enterprise-API-Key": apiKey.reveal(), "Accept": "application/json"]
        var data: Data?
        if let body {
            headers["Content-Type"] = "application/json"
            data = try? JSONCoding.encoder().encode(body)
        }
        return HTTPRequest(method: method, url: endpoint.url(path), headers: headers, body: data)
    }

    /// A 404 from a base URL without `/api` says what is probably wrong with it.
    private func explainingNotFound<T>(_ interpret: () throws(APIError) -> T) throws(APIError) -> T {
        do {
            return try interpret()
        } catch .notFound(let service, let message) where !endpoint.baseURL.path.hasSuffix("/api") {
            throw .notFound(service, message: message + "; the base URL \(endpoint.baseURL.absoluteString) probably lacks /api (the Enterprise API lives under …/api)")
        }
    }
}
