import Foundation
import SynqAPI
import SynqJournal
import SynqViewModel

/// Composes the three parts of a TUI run and nothing more: the view model's `Store`
/// (polls, reducer), the `TerminalSession` (ncurses thread, which renders with
/// `ScreenRenderer`), and the wiring between them — states to the screen, keys to the store.
public enum TUIApp {
    /// Runs until the user quits (or a signal asks to). The terminal is restored before
    /// this returns, also when it throws.
    public static func run(settings: ViewModelSettings, enterprise: (any EnterpriseAPI)?, synvo: (any SynvoAPI)?,
                           credentials: (any CredentialClientFactory)?, fleet: FleetIdentity = .unknown,
                           switcher: (any FleetSwitcher)? = nil, terminal: TerminalConfiguration,
                           journal: JournalTap? = nil, changeCommand: ChangeCommand? = nil) async throws(TerminalError) {
        // Before the store starts polling: a terminal that cannot be used ends the run with
        // nothing started and nothing to cancel.
        try TerminalSession.checkTerminal()
        let session = try TerminalSession(configuration: terminal)
        let store = Store(settings: settings, enterprise: enterprise, synvo: synvo, clipboard: session,
                          credentials: credentials, journal: journal, fleet: fleet, switcher: switcher, clock: ContinuousClock())
        try await run(store: store, session: session, journal: journal, changeCommand: changeCommand)
    }

    /// The wiring, for any store clock. With a journal, the Events pane shows what it
    /// records and `changeCommand` runs for each change.
    public static func run<C: Clock>(store: Store<C>, session: TerminalSession, journal: JournalTap? = nil,
                                     changeCommand: ChangeCommand? = nil) async throws(TerminalError) where C.Duration == Duration {
        let journalTask = Task {
            if let journal { await JournalFeed.run(journal, store: store, changeCommand: changeCommand) }
        }
        let storeTask = Task { await store.run() }
        let forwarder = Task {
            var trim = HeapTrim()
            for await state in store.states {
                session.post(state)
                trim.note(state)
            }
            // The store finished (quit): let the terminal go.
            session.stop()
        }
        let outcome: Result<Void, TerminalError>
        do throws(TerminalError) {
            try await session.run(
                key: { store.send(.key($0)) },
                viewport: { store.send(.viewport(tableRows: $0)) },
                helpViewport: { store.send(.helpViewport($0)) },
                mouse: { store.send(.mouse($0)) },
                // Not the quit key: that asks first when the one-time key window is open, and
                // after a stop signal or a vanished terminal nobody is left to answer.
                stopSignal: { store.shutdown() }
            )
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        store.shutdown()
        await storeTask.value
        await forwarder.value
        // What the last polls found is written; a running --on-change command is ended.
        await journal?.journal.flush()
        journal?.journal.finish()
        journalTask.cancel()
        await journalTask.value
        try outcome.get()
    }
}
