import ArgumentParser
import Foundation
import SynqAPI
import SynqJournal
import SynqViewModel

/// `synq watch`: the TUI's polling without a screen. Every change is journalled and printed
/// as one line (NDJSON with `--json`) the moment a poll shows it.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll the fleet without a screen; print each change as it is seen (NDJSON with --json) and journal it.",
        discussion: """
        Polls like the TUI: every --refresh seconds, the Synvo keys stretched to fit the rate-limit \
        budget, failures backed off. The first poll is a baseline and prints nothing. Poll failures go \
        to standard error. Stops cleanly (exit 0) on SIGINT, SIGTERM, SIGHUP or when standard output closes. \
        With --on-change, each change also runs the command (its output goes to standard error); \
        stopping ends a command still running and skips the changes still queued for it.
        """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var journalOptions: JournalOptions

    @Option(name: .customLong("refresh"), help: ArgumentHelp("Seconds between polls.", valueName: "SECONDS"))
    var refresh: Double = 5

    @Option(help: ArgumentHelp("Only this resource: synchronizer, synvo-key or preferences (repeatable; default: every one with a key).", valueName: "RESOURCE"))
    var resource: [JournalResource] = []

    mutating func validate() throws {
        guard refresh >= 1, refresh <= 3600 else { throw ValidationError("--refresh must be between 1 and 3600 seconds") }
    }

    func run() async throws {
        let settings: Settings
        var enterprise: (any EnterpriseAPI)?
        var synvo: (any SynvoAPI)?
        do {
            settings = try SettingsResolver().resolve(connection)
            if settings.enterpriseKey != nil { enterprise = try settings.enterpriseClient() }
            if settings.synvoKey != nil { synvo = try settings.synvoClient() }
        } catch let error as any CustomStringConvertible & Error {
            StandardError.line("synq: \(error.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let kinds = try Self.watchedKinds(resource, enterprise: enterprise != nil, synvo: synvo != nil)
        let journal = journalOptions.makeJournal()
        let viewSettings = ViewModelSettings(refreshInterval: refresh, highlightDuration: 0, polledResources: Set(kinds))
        let store = Store(settings: viewSettings, enterprise: kinds.contains { $0.service == .enterprise } ? enterprise : nil,
                          synvo: kinds.contains(.keys) ? synvo : nil,
                          journal: JournalTap(journal: journal, profile: settings.profileName), clock: ContinuousClock())
        let signals = StopSignals { store.shutdown() }
        let printer = WatchPrinter(json: output.json, resources: Set(kinds.map(\.journalResource)))
        let updates = await journal.updates()
        let changeQueue = journalOptions.changeCommand(output: STDERR_FILENO).map { command in
            ChangeCommandQueue(command: command, resources: Set(kinds.map(\.journalResource))) { StandardError.line("synq: watch: \($0)") }
        }
        let changeUpdates = changeQueue == nil ? nil : await journal.updates()
        // Its own task: stopping ends a running command and drops the backlog, while the
        // journal still writes what it was given.
        let changeTask = Task {
            if let changeQueue, let changeUpdates { await changeQueue.run(changeUpdates) }
        }

        await withDiscardingTaskGroup { group in
            group.addTask { await journal.run() }
            group.addTask {
                // A failed write means standard output is gone: stop like on a signal.
                for await update in updates where !printer.handle(update) { store.shutdown() }
            }
            group.addTask {
                var reporter = PollFailureReporter(kinds: kinds)
                for await state in store.states { reporter.report(state) }
            }
            await store.run()
            journal.finish()
            changeTask.cancel()
        }
        await changeTask.value
        withExtendedLifetime(signals) {}
    }

    /// The resources to poll: those asked for, else every one whose API has a key.
    static func watchedKinds(_ asked: [JournalResource], enterprise: Bool, synvo: Bool) throws -> [ResourceKind] {
        let available = ResourceKind.allCases.filter { $0.service == .enterprise ? enterprise : synvo }
        guard !asked.isEmpty else {
            guard !available.isEmpty else {
                StandardError.line("synq: watch needs ENTERPRISE_API_KEY or SYNVO_API_KEY (or a key file or profile)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            return available
        }
        var kinds: [ResourceKind] = []
        for resource in asked {
            let kind = ResourceKind(resource)
            guard available.contains(kind) else {
                let variable = kind.service == .enterprise ? "ENTERPRISE_API_KEY" : "SYNVO_API_KEY"
                StandardError.line("synq: watching \(resource.rawValue) needs \(variable) (or a key file or profile)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }
}

/// Prints what the journal reports: one line per event, journal problems on stderr.
struct WatchPrinter: Sendable {
    let json: Bool
    let resources: Set<JournalResource>

    /// False once standard output cannot be written.
    func handle(_ update: JournalUpdate) -> Bool {
        switch update {
        case .opened:
            return true
        case .problem(let problem):
            if let problem { StandardError.line("synq: warning: \(problem.description); changes are printed but not kept") }
            return true
        case .recorded(let events):
            var out = Data()
            for event in events where resources.contains(event.resource) {
                if json, let data = try? event.jsonData() {
                    out.append(data)
                    out.append(0x0A)
                } else if !json {
                    out.append(contentsOf: Array((event.line + "\n").utf8))
                }
            }
            guard !out.isEmpty else { return true }
            do {
                try StandardOutput.write(out)
                return true
            } catch {
                return false
            }
        }
    }
}

/// Says on stderr when a poll starts failing (once per new message), and when it recovers.
struct PollFailureReporter {
    let kinds: [ResourceKind]
    private var reported: [ResourceKind: String] = [:]

    init(kinds: [ResourceKind]) {
        self.kinds = kinds
    }

    mutating func report(_ state: AppState) {
        for kind in kinds {
            let failure = state.resource(kind).failure?.message
            if failure == reported[kind] { continue }
            if let failure {
                StandardError.line("synq: watch: \(kind.rawValue): \(failure) (retrying)")
            } else if reported[kind] != nil {
                StandardError.line("synq: watch: \(kind.rawValue): polling again")
            }
            reported[kind] = failure
        }
    }
}
