import SynqAPI

/// Why a typed API key could not be used.
public enum CredentialError: Error, Sendable, Hashable {
    case empty(Service)
    case rejected(Service, reason: String)
}
