import ArgumentParser
import Foundation
import SynqJournal

/// Where and how much history is kept, and what runs on each change, for every command
/// that polls (`tui`, `demo`, `watch`).
struct JournalOptions: ParsableArguments {
    @Option(name: .customLong("journal-retention"),
            help: ArgumentHelp("History to keep: an age (90d, 12h), a count (1M, 500k) or both (90d,1M, the default).", valueName: "LIMITS"))
    var retention: String?

    @Flag(name: .customLong("no-journal"), help: "Keep no history on disk (changes are still shown).")
    var noJournal = false

    @Option(name: .customLong("on-change"),
            help: ArgumentHelp("Run this shell command for every change, the event as one JSON line on its standard input (one at a time; no API key in its environment).", valueName: "CMD"))
    var onChange: String?

    @Option(name: .customLong("on-change-timeout"), help: ArgumentHelp("Seconds an --on-change command may run before it is stopped.", valueName: "SECONDS"))
    var onChangeTimeout: Double = 10

    mutating func validate() throws {
        if let retention {
            do { _ = try JournalRetention(parsing: retention) } catch { throw ValidationError(error.description) }
        }
        if let onChange, onChange.trimmingCharacters(in: .whitespaces).isEmpty || onChange.contains("\0") {
            throw ValidationError("--on-change needs a command")
        }
        guard onChangeTimeout > 0, onChangeTimeout <= 3600 else { throw ValidationError("--on-change-timeout must be between 0 and 3600 seconds") }
    }

    /// A journal at the standard location (nil location under `--no-journal` or `keepHistory: false`).
    func makeJournal(keepHistory: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment) -> Journal {
        let limits = (try? retention.map { try JournalRetention(parsing: $0) }) ?? nil
        let location = noJournal || !keepHistory ? nil : JournalLocation(environment: environment)
        return Journal(location: location, retention: limits ?? .standard)
    }

    /// The `--on-change` command, its output going to `output` (nil: /dev/null).
    func changeCommand(output: Int32?) -> ChangeCommand? {
        onChange.map { ChangeCommand(command: $0, timeout: .milliseconds(Int(onChangeTimeout * 1000)), output: output) }
    }
}

extension JournalResource: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
