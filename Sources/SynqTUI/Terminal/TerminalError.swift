import Foundation

/// Why the terminal UI could not run.
public enum TerminalError: Error, Sendable, Hashable {
    /// Standard input or output is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// ncurses could not set up the terminal (unknown TERM, no terminfo entry).
    case cannotInitialize(term: String)
    /// The terminal type cannot move the cursor (TERM=dumb, a printing terminal): a
    /// full-screen program cannot draw on it.
    case noCursorAddressing(term: String)
    /// The wake-up pipe could not be created.
    case pipeFailed(errno: Int32)
}

extension TerminalError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .notATerminal:
            "not a terminal; for scripts use the headless commands: synq synchronizers list, synq preferences, synq keys list (add --json)"
        case .cannotInitialize(let term):
            "cannot use terminal type \"\(term)\"; set TERM to one your system knows (e.g. xterm-256color)"
        case .noCursorAddressing(let term):
            "terminal type \"\(term)\" cannot move the cursor, so the full-screen UI cannot run; set TERM to a real terminal type (e.g. xterm-256color), or use the headless commands: synq synchronizers list, synq keys list"
        case .pipeFailed(let code):
            "cannot create the wake-up pipe (errno \(code))"
        }
    }

    public var errorDescription: String? { description }
}
