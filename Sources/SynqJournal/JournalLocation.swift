import Foundation

/// Where the journal lives: `$XDG_STATE_HOME/synq/journal.sqlite`, else
/// `~/.local/state/synq/journal.sqlite`. Built from an environment so tests use temporary folders.
public struct JournalLocation: Sendable, Hashable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        // The XDG spec says a relative value is invalid and must be ignored.
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/state"
        directory = state + "/synq"
    }

    public var file: String { directory + "/journal.sqlite" }
}
