import SynqAPI

/// Builds clients from a key typed into the TUI's masked prompt, for the endpoints the flags,
/// environment and config chose (the `synq` executable) or a sandbox (the tests): the same code.
public struct TypedCredentialFactory: CredentialClientFactory {
    public let connection: ServiceConnection

    public init(connection: ServiceConnection) {
        self.connection = connection
    }

    public func enterpriseClient(apiKey: Secret) throws(CredentialError) -> any EnterpriseAPI {
        guard !apiKey.isEmpty else { throw .empty(.enterprise) }
        do {
            return try connection.enterpriseClient(apiKey: apiKey)
        } catch {
            throw .rejected(.enterprise, reason: error.description)
        }
    }

    public func synvoClient(apiKey: Secret) throws(CredentialError) -> any SynvoAPI {
        guard !apiKey.isEmpty else { throw .empty(.synvo) }
        do {
            return try connection.synvoClient(apiKey: apiKey)
        } catch {
            throw .rejected(.synvo, reason: error.description)
        }
    }
}
