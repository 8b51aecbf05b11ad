import Foundation
import SynqAPI
import SynqText

/// Why provisioning stopped before doing anything irreversible.
public enum ProvisionError: Error, Sendable, Equatable {
    /// Neither the preferences nor the owner carry a usable wallet address; nothing was created.
    case noWallet(found: String?)
    case invalidName(String)
    case invalidReplicas(Int)
    /// The existing config.json cannot be read as a synchronizer-cli config.
    case unreadableConfig(path: String)
    case file(SecureFileError)
}

extension ProvisionError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .noWallet(let found):
            let detail = found.map { " (the API sent \"\(Sanitizer.clean(String($0.prefix(60))))\", which is not 0x + 40 hex digits)" } ?? ""
            return "no wallet address: neither the preferences nor the account owner has a valid one\(detail); set it in the dashboard preferences and run again (nothing was created)"
        case .invalidName(let name):
            return "invalid synchronizer name \"\(Sanitizer.clean(String(name.prefix(80))))\": use 1 to 64 printable characters"
        case .invalidReplicas(let count):
            return "--replicas must be between 1 and 100 (got \(count))"
        case .unreadableConfig(let path):
            return "\(Sanitizer.clean(path)) is not a synchronizer-cli config; move it aside or pass --new"
        case .file(let error):
            return error.description
        }
    }

    public var errorDescription: String? { description }
}
