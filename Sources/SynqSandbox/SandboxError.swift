import Foundation

/// Why a sandbox could not start.
public enum SandboxError: Error, Sendable, CustomStringConvertible, LocalizedError {
    case badOption(String)
    case database(String)
    case notStarted(String)
    /// The server could not listen (or stopped with an error while listening).
    case listening(host: String, port: Int, String)

    public var description: String {
        switch self {
        case .badOption(let text): "sandbox: \(text)"
        case .database(let text): "sandbox: database error: \(text)"
        case .notStarted(let text): "sandbox: server did not start: \(text)"
        case .listening(let host, let port, let text):
            text.contains("Address already in use")
                ? "sandbox: \(host):\(port) is already in use; pick another --port (0 picks a free one)"
                : "sandbox: cannot listen on \(host):\(port): \(text.replacingOccurrences(of: "\n", with: " "))"
        }
    }

    public var errorDescription: String? { description }
}
