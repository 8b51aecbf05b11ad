import Foundation

/// The journal as the TUI sees it: whether history is being kept, and the alerts raised.
public struct JournalStatus: Sendable, Hashable {
    /// Why history is not being kept right now (one line), nil while it is.
    public internal(set) var problem: String?
    /// How many alerts were raised; the terminal rings its bell when this grows.
    public internal(set) var alertCount = 0
    /// Loaded once the journal is open (the Events pane says "Loading" until then).
    public internal(set) var resource = ResourceState()
    /// The profile the journal records under (the Events pane shows only its events); nil
    /// shows every event. A profile switch changes it.
    public internal(set) var profile: String?
    /// Sequence number of the next event row (rows are numbered in arrival order).
    var nextSequence = 0

    public init() {}
}
