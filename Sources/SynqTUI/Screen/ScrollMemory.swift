import SynqViewModel

/// The first visible row of each table, kept between frames so the window moves only
/// when the selection leaves it (the view model has no notion of a viewport offset).
public struct ScrollMemory: Sendable, Hashable {
    public var offsets: [Pane: Int] = [:]
    public init() {}
}
