import Foundation

extension CredentialError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .empty(let service): "\(service.displayName): no key typed"
        case .rejected(let service, let reason): "\(service.displayName): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
