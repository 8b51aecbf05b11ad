import Foundation

/// Why an interactive prompt gave no answer.
public enum PromptError: Error, Sendable, Equatable {
    /// No controlling terminal (a pipe, cron, CI): prompts are impossible.
    case noTerminal
    /// Ctrl-C, Ctrl-D on an empty line, or the terminal closed.
    case cancelled
    case empty(String)
    case mismatch(String)
    case tooLong
    /// A new passphrase shorter than `minimum` characters.
    case tooShort(String, minimum: Int)
}

extension PromptError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .noTerminal: "no terminal to prompt on"
        case .cancelled: "cancelled"
        case .empty(let what): "the \(what) cannot be empty"
        case .mismatch(let what): "the \(what) do not match"
        case .tooLong: "the answer is too long"
        case .tooShort(let what, let minimum): "the \(what) must be at least \(minimum) characters; nothing was changed"
        }
    }

    public var errorDescription: String? { description }
}
