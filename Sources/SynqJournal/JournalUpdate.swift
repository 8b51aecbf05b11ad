/// What the journal tells its subscribers (the TUI, `synq watch`, the alert runner).
public enum JournalUpdate: Sendable, Hashable {
    /// The file is open (or could not be: then `problem` follows); history can be read.
    case opened
    /// New events, one batch per observation, in the order they happened.
    case recorded([JournalEvent])
    /// History cannot be kept right now (nil: it can again). Events still flow to subscribers.
    case problem(JournalError?)
}
