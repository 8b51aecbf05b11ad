import Foundation
import SynqAPI
import SynqFiles
import SynqJournal

/// Everything that can happen to the view model: keys, time, and the answers to effects.
public enum Action: Sendable, Equatable {
    /// Sent once by the store when it starts: first fetches, prompts for missing keys.
    case start
    /// A key (or a paste) from the terminal.
    case key(KeyPress)
    /// A command without a key (tests, scripted input).
    case command(Command)
    /// A click or a wheel notch, already resolved against what the screen showed.
    case mouse(MouseAction)
    /// Time passed: due polls, highlight and message expiry, countdowns. The date is when the
    /// tick was due; the store reduces it at no earlier time than that.
    case tick(Date)
    /// The renderer's table height changed (rows per page for PgUp/PgDn).
    case viewport(tableRows: Int)
    /// The renderer's help overlay size changed (rows shown, last useful offset).
    case helpViewport(HelpViewport)

    case synchronizersLoaded(Result<SynchronizerList, APIError>, at: Date)
    case preferencesLoaded(Result<PreferencesResponse, APIError>, at: Date)
    case keysLoaded(Result<RateLimited<SynvoKeyList>, APIError>, at: Date)
    case toggleFinished(id: String, enable: Bool, Result<SynchronizerResult, APIError>, at: Date)
    case synchronizerCreated(Result<SynchronizerResult, APIError>, at: Date)
    case keyCreated(name: String?, Result<RateLimited<CreatedSynvoKey>, APIError>, at: Date)
    case copyFinished(CopyTarget, CopyOutcome, at: Date)
    case saveFinished(Result<String, SecureFileError>, at: Date)
    /// A filter/sort pass finished (`Effect.deriveTable`).
    case tableDerived(DerivedRows, pane: Pane)
    /// The profile picker's switch answered: the store has installed the new clients.
    case profileSwitched(String, Result<FleetSwitch, FleetSwitchError>, at: Date)
    /// A typed API key was accepted (`error == nil`: a client now exists) or rejected.
    case credentialFinished(Service, error: CredentialError?, at: Date)
    /// The journal reported new events, a problem, or that it is open.
    case journal(JournalUpdate)
    /// History read from the journal at start, oldest first (the Events pane's first rows).
    case journalHistory([JournalEvent])
    /// The `--on-change` command failed (one line, no event data).
    case changeCommandFailed(String)
}

extension Action {
    /// True for the answer of a profile switch (which outlives the switch it causes).
    var isProfileSwitch: Bool {
        if case .profileSwitched = self { return true }
        return false
    }
}
