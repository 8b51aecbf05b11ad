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

    /// The whole fleet, parsed by the streaming list parser into compact storage.
    public func listSynchronizers() async throws(APIError) -> SynchronizerList {
        let response = try await send(.get, "/synq-keys/enterprise/synchronizers", body: nil as String?)
        return try explainingNotFound { () throws(APIError) in try interpreter.synchronizerList(from: response) }
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
        var headers = ["X-Enterprise-API-Key": apiKey.reveal(), "Accept": "application/json"]
        var data: Data?
        if let body {
            headers["Content-Type"] = "application/json"
            data = try? JSONCoding.encoder().encode(body)
        }
        let request = HTTPRequest(method: method, url: endpoint.url(path), headers: headers, body: data)
        do {
            return try await transport.send(request)
        } catch {
            throw .transport(.enterprise, interpreter.redact(error))
        }
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
