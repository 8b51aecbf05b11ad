/// What an event is about. The raw values are the words users type (`--resource synvo-key`)
/// and read in the journal.
public enum JournalResource: String, Sendable, Hashable, Codable, CaseIterable {
    case synchronizer
    case synvoKey = "synvo-key"
    case preferences
}
