import Foundation
import SynqAPI
import SynqViewModel

/// Composes the three parts of a TUI run and nothing more: the view model's `Store`
/// (polls, reducer), the `TerminalSession` (ncurses thread, which renders with
/// `ScreenRenderer`), and the wiring between them — states to the screen, keys to the store.
public enum TUIApp {
    /// Runs until the user quits (or a signal asks to). The terminal is restored before
    /// this returns, also when it throws.
    public static func run(settings: ViewModelSettings, enterprise: (any EnterpriseAPI)?, synvo: (any SynvoAPI)?,
                           credentials: (any CredentialClientFactory)?, terminal: TerminalConfiguration) async throws(TerminalError) {
        // Before the store starts polling: a terminal that cannot be used ends the run with
        // nothing started and nothing to cancel.
        try TerminalSession.checkTerminal()
        let session = try TerminalSession(configuration: terminal)
        let store = Store(settings: settings, enterprise: enterprise, synvo: synvo, clipboard: session,
                          credentials: credentials, clock: ContinuousClock())
        try await run(store: store, session: session)
    }

    /// The wiring, for any store clock.
    public static func run<C: Clock>(store: Store<C>, session: TerminalSession) async throws(TerminalError) where C.Duration == Duration {
        let storeTask = Task { await store.run() }
        let forwarder = Task {
            for await state in store.states { session.post(state) }
            // The store finished (quit): let the terminal go.
            session.stop()
        }
        let outcome: Result<Void, TerminalError>
        do throws(TerminalError) {
            try await session.run(
                key: { store.send(.key($0)) },
                viewport: { store.send(.viewport(tableRows: $0)) },
                helpViewport: { store.send(.helpViewport($0)) },
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
        try outcome.get()
    }
}
