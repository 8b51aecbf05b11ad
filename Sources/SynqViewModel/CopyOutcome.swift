/// What was being copied, so the answer lands in the right place.
public enum CopyTarget: Sendable, Hashable {
    case synchronizerKey(id: String)
    case oneTimeKey
    /// A field of a row, named for the message; `escaped` when control characters in the
    /// server's text were escaped on the way.
    case rowField(RowField, name: String, escaped: Bool)
}

/// What the clipboard writer reports. OSC 52 has no receipt, so `.sent` means written
/// to the terminal, not confirmed.
public enum CopyOutcome: Sendable, Hashable {
    case sent
    case unavailable(String)
}
