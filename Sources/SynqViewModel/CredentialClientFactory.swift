import SynqAPI

/// Builds API clients from a key the user typed into the masked prompt. The live one
/// (in the `synq` executable) knows the endpoints from flags, environment and config.
public protocol CredentialClientFactory: Sendable {
    func enterpriseClient(apiKey: Secret) throws(CredentialError) -> any EnterpriseAPI
    func synvoClient(apiKey: Secret) throws(CredentialError) -> any SynvoAPI
}
