import Foundation

/// Why a sandbox could not start.
public enum SandboxError: Error, Sendable, CustomStringConvertible, LocalizedError {
    case badOption(String)
    case database(String)
    case notStarted(String)

    public var description: String {
        switch self {
        case .badOption(let text): "sandbox: \(text)"
        case .database(let text): "sandbox: database error: \(text)"
        case .notStarted(let text): "sandbox: server did not start: \(text)"
        }
    }

    public var errorDescription: String? { description }
}
