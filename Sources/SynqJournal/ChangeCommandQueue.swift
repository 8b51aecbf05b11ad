/// Feeds the journal's events to a `ChangeCommand`, one at a time, in order. The journal
/// never waits for the command: events queue up (at most `backlogLimit`; beyond that the
/// newest are dropped and that is reported once per overflow).
public struct ChangeCommandQueue: Sendable {
    public static let backlogLimit = 1_000

    public let command: ChangeCommand
    /// Only events of these resources run the command (empty: every one).
    public let resources: Set<JournalResource>
    /// Told, in one line without event data, when a run fails or events were dropped.
    public let report: @Sendable (String) -> Void

    public init(command: ChangeCommand, resources: Set<JournalResource> = [], report: @escaping @Sendable (String) -> Void) {
        self.command = command
        self.resources = resources
        self.report = report
    }

    /// Runs until `updates` ends (and the backlog is worked through) or the task is cancelled.
    public func run(_ updates: AsyncStream<JournalUpdate>) async {
        let (backlog, continuation) = AsyncStream.makeStream(of: JournalEvent.self, bufferingPolicy: .bufferingOldest(Self.backlogLimit))
        let resources = resources
        let report = report
        await withDiscardingTaskGroup { group in
            group.addTask {
                var overflowing = false
                for await update in updates {
                    guard case .recorded(let events) = update else { continue }
                    for event in events where resources.isEmpty || resources.contains(event.resource) {
                        if case .dropped = continuation.yield(event) {
                            if !overflowing { report("--on-change is behind by \(Self.backlogLimit) events; newer ones are skipped until it catches up") }
                            overflowing = true
                        } else {
                            overflowing = false
                        }
                    }
                }
                continuation.finish()
            }
            for await event in backlog {
                let outcome = await command.run(event)
                if !outcome.succeeded { report("--on-change command \(outcome)") }
            }
        }
    }
}
