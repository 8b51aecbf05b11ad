import ArgumentParser
import Foundation
import SynqJournal

/// Where and how much history is kept, for every command that polls (`tui`, `demo`, `watch`).
struct JournalOptions: ParsableArguments {
    @Option(name: .customLong("journal-retention"),
            help: ArgumentHelp("History to keep: an age (90d, 12h), a count (1M, 500k) or both (90d,1M, the default).", valueName: "LIMITS"))
    var retention: String?

    @Flag(name: .customLong("no-journal"), help: "Keep no history on disk (changes are still shown).")
    var noJournal = false

    mutating func validate() throws {
        if let retention {
            do { _ = try JournalRetention(parsing: retention) } catch { throw ValidationError(error.description) }
        }
    }

    /// A journal at the standard location (nil location under `--no-journal`).
    func makeJournal(environment: [String: String] = ProcessInfo.processInfo.environment) -> Journal {
        let limits = (try? retention.map { try JournalRetention(parsing: $0) }) ?? nil
        return Journal(location: noJournal ? nil : JournalLocation(environment: environment), retention: limits ?? .standard)
    }
}

extension JournalResource: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
