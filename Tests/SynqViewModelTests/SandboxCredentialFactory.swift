import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
@testable import SynqViewModel

/// Builds live clients for a typed key, pointed at one sandbox: the `synq` executable's
/// factory does the same with the endpoints from flags, environment and config.
struct SandboxCredentialFactory: CredentialClientFactory {
    let sandbox: RunningSandbox

    func enterpriseClient(apiKey: Secret) throws(CredentialError) -> any EnterpriseAPI {
        guard !apiKey.isEmpty else { throw .empty(.enterprise) }
        do {
            return try sandbox.enterprise(key: apiKey.reveal())
        } catch {
            throw .rejected(.enterprise, reason: String(describing: error))
        }
    }

    func synvoClient(apiKey: Secret) throws(CredentialError) -> any SynvoAPI {
        guard !apiKey.isEmpty else { throw .empty(.synvo) }
        do {
            return try sandbox.synvo(key: apiKey.reveal())
        } catch {
            throw .rejected(.synvo, reason: String(describing: error))
        }
    }
}
