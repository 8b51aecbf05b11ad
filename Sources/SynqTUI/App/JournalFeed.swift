import Foundation
import SynqJournal
import SynqViewModel

/// The journal's side of a TUI run: runs the journal, passes its updates to the store as
/// actions, loads the Events pane's first rows (this profile's newest history) once the
/// file is open, and feeds `--on-change`. Ends when the journal does.
enum JournalFeed {
    static func run<C: Clock>(_ tap: JournalTap, store: Store<C>, changeCommand: ChangeCommand?) async where C.Duration == Duration {
        let journal = tap.journal
        let updates = await journal.updates()
        let changeUpdates = changeCommand == nil ? nil : await journal.updates()
        await withDiscardingTaskGroup { group in
            group.addTask { await journal.run() }
            group.addTask {
                for await update in updates {
                    if update == .opened {
                        // Up to the file's state at opening: what this run journals comes as `.recorded`.
                        // The store's profile: the picker (P) may have switched it already.
                        let profile = await store.journalProfile ?? tap.profile
                        let history = (try? await journal.history(EventQuery(profile: profile, limit: Reducer.eventsShown))) ?? []
                        store.send(.journalHistory(history))
                    }
                    store.send(.journal(update))
                }
            }
            if let changeCommand, let changeUpdates {
                let queue = ChangeCommandQueue(command: changeCommand) { store.send(.changeCommandFailed($0)) }
                group.addTask { await queue.run(changeUpdates) }
            }
        }
    }
}
