/// What was being copied, so the answer lands in the right place.
public enum CopyTarget: Sendable, Hashable {
    case synchronizerKey(id: String)
    case oneTimeKey
}

/// What the clipboard writer reports. OSC 52 has no receipt, so `.sent` means written
/// to the terminal, not confirmed.
public enum CopyOutcome: Sendable, Hashable {
    case sent
    case unavailable(String)
}
