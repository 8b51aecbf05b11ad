import ArgumentParser
import Foundation
import SynqJournal

/// `synq events`: reads the journal (what `synq`, `synq watch` and the TUI saw change).
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Show the changes synq has seen, oldest first, from the journal.",
        discussion: """
        The journal is $XDG_STATE_HOME/synq/journal.sqlite (else ~/.local/state/synq/journal.sqlite). \
        Each line: time, profile, resource, name (id), change, origin (synq: this program did it; \
        observed: seen between two polls). With --json, one JSON object per line.
        """
    )

    @Option(help: ArgumentHelp("Only events newer than this: an age (90s, 30m, 24h, 7d, 2w), an ISO 8601 time, or all.", valueName: "AGE"))
    var since = "24h"

    @Option(help: ArgumentHelp("Only this resource: synchronizer, synvo-key or preferences (repeatable).", valueName: "RESOURCE"))
    var resource: [JournalResource] = []

    @Option(name: .customLong("id"), help: ArgumentHelp("Only events of the item with this id.", valueName: "ID"))
    var itemID: String?

    @Option(help: ArgumentHelp("Only events of this profile.", valueName: "NAME"))
    var profile: String?

    @Option(help: ArgumentHelp("Only the newest N events.", valueName: "N"))
    var limit: Int?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        guard SinceOption.parse(since, now: Date()) != nil else {
            throw ValidationError("--since takes an age like 24h or 7d, an ISO 8601 time, or all")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let location = JournalLocation()
        let sinceDate = SinceOption.parse(since, now: Date()) ?? nil
        let query = EventQuery(since: sinceDate, profile: profile, resources: Set(resource), itemID: itemID, limit: limit)
        let events: [JournalEvent]
        do {
            events = try await JournalReader.events(query, at: location)
        } catch {
            StandardError.line("synq: \(error.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        try await runReportingErrors {
            var text = Data()
            for event in events {
                if output.json {
                    text.append(try event.jsonData())
                    text.append(0x0A)
                } else {
                    text.append(contentsOf: Array((event.line + "\n").utf8))
                }
                if text.count > 1 << 16 {
                    try StandardOutput.write(text)
                    text.removeAll(keepingCapacity: true)
                }
            }
            try StandardOutput.write(text)
        }
    }
}
