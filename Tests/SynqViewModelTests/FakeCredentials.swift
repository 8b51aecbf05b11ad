import Foundation
import SynqAPI
import Synchronization
@testable import SynqViewModel

/// Hands out the fake clients for a typed key, remembering the keys it was given.
final class FakeCredentials: CredentialClientFactory, Sendable {
    let enterprise: FakeEnterprise
    private let typed = Mutex<[String]>([])
    var keys: [String] { typed.withLock { $0 } }

    init(enterprise: FakeEnterprise) { self.enterprise = enterprise }

    func enterpriseClient(apiKey: Secret) throws(CredentialError) -> any EnterpriseAPI {
        typed.withLock { $0.append(apiKey.reveal()) }
        return enterprise
    }

    func synvoClient(apiKey: Secret) throws(CredentialError) -> any SynvoAPI {
        throw .rejected(.synvo, reason: "not in this test")
    }
}
