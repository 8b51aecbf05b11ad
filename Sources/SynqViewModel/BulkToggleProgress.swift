import SynqText

/// A confirmed enable or disable of marked rows, counted until every answer is in, so the
/// status bar ends with one summary instead of the last of many messages.
public struct BulkToggleProgress: Sendable, Hashable {
    /// Ids still waiting for the server.
    public internal(set) var waiting: Set<String>
    public internal(set) var total: Int
    /// True when the rows are being enabled.
    public internal(set) var enable: Bool
    public internal(set) var succeeded: Int = 0
    /// One line per failure: name and reason.
    public internal(set) var failures: [String] = []

    public init(ids: Set<String>, enable: Bool) {
        self.waiting = ids
        self.total = ids.count
        self.enable = enable
    }

    /// "Enabling", "Disabling".
    public var verb: String { enable ? "Enabling" : "Disabling" }

    /// The summary once all answers are in.
    public var summary: String {
        let done = enable ? "Enabled" : "Disabled"
        if failures.isEmpty { return "\(done) \(Count.text(succeeded)) synchronizer\(succeeded == 1 ? "" : "s")" }
        return "\(done) \(Count.text(succeeded)) of \(Count.text(total)); \(Count.text(failures.count)) failed: " + failures.joined(separator: "; ")
    }
}
