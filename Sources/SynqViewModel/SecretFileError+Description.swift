import Foundation

extension SecretFileError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; not overwritten"
        case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
        case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
