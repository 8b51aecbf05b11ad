/// Where the two APIs are and how to reach them, without the keys: the one place a client is
/// built from an endpoint text and a key (the CLI's settings and a key typed into the TUI both
/// come here).
public struct ServiceConnection: Sendable, Equatable {
    public var enterpriseURL: String
    public var synvoURL: String
    /// Plain `http://` to a non-loopback host is allowed only when asked for.
    public var insecure: Bool
    /// Total deadline of each request, in seconds.
    public var timeout: Double

    public init(enterpriseURL: String, synvoURL: String, insecure: Bool = false, timeout: Double = 10) {
        self.enterpriseURL = enterpriseURL
        self.synvoURL = synvoURL
        self.insecure = insecure
        self.timeout = timeout
    }

    public func enterpriseEndpoint() throws(APIError) -> ServiceEndpoint {
        try ServiceEndpoint(.enterprise, url: enterpriseURL, allowInsecure: insecure)
    }

    public func synvoEndpoint() throws(APIError) -> ServiceEndpoint {
        try ServiceEndpoint(.synvo, url: synvoURL, allowInsecure: insecure)
    }

    public func enterpriseClient(apiKey: Secret) throws(APIError) -> EnterpriseClient {
        guard !apiKey.isEmpty else { throw .missingCredential(.enterprise) }
        return EnterpriseClient(endpoint: try enterpriseEndpoint(), apiKey: apiKey, transport: AsyncHTTPClientTransport(timeout: timeout))
    }

    public func synvoClient(apiKey: Secret) throws(APIError) -> SynvoClient {
        guard !apiKey.isEmpty else { throw .missingCredential(.synvo) }
        return SynvoClient(endpoint: try synvoEndpoint(), apiKey: apiKey, transport: AsyncHTTPClientTransport(timeout: timeout))
    }
}
