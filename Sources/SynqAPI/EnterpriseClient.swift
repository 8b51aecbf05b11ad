import Foundation

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

    public init(endpoint: ServiceEndpoint, apiKey: Secret, transport: any HTTPTransport = URLSessionTransport()) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.transport = transport
        self.interpreter = ResponseInterpreter(service: .enterprise, redact: Redactor([apiKey]))
    }

    /// The whole fleet, parsed by the streaming list parser into compact storage.
    public func listSynchronizers() async throws(APIError) -> SynchronizerList {
        let response = try await send(.get, "/synq-keys/enterprise/synchronizers", body: nil as String?)
        return try interpreter.synchronizerList(from: response)
    }

    public func createSynchronizer(name: String) async throws(APIError) -> SynchronizerResult {
        try await call(.post, "/synq-keys/enterprise/synchronizer", body: CreateSynchronizerRequest(name: name))
    }

    public func setSynchronizer(id: String, enabled: Bool) async throws(APIError) -> SynchronizerResult {
        let path = "/synq-keys/enterprise/synchronizer/\(ServiceEndpoint.pathSegment(id))/toggle"
        return try await call(.put, path, body: ToggleSynchronizerRequest(isEnabled: enabled))
    }

    public func preferences() async throws(APIError) -> PreferencesResponse {
        try await call(.get, "/synq-keys/enterprise/preferences", body: nil as String?)
    }

    private func call<Body: Encodable, T: Decodable>(_ method: HTTPRequest.Method, _ path: String, body: Body?) async throws(APIError) -> T {
        try interpreter.decode(T.self, from: try await send(method, path, body: body))
    }

    private func send<Body: Encodable>(_ method: HTTPRequest.Method, _ path: String, body: Body?) async throws(APIError) -> HTTPResponse {
        var headers = ["X-Enterprise-API-Key": apiKey.reveal(), "Accept": "application/json"]
        var data: Data?
        if let body {
            headers["Content-Type"] = "application/json"
            data = try? JSONCoding.encoder().encode(body)
        }
        let request = HTTPRequest(method: method, url: endpoint.url(path), headers: headers, body: data)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw .transport(.enterprise, error)
        }
        return response
    }
}
