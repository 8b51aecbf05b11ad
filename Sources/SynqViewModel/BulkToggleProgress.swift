/// A confirmed toggle of marked rows, counted until every answer is in, so the status
/// bar ends with one summary instead of the last of many messages.
public struct BulkToggleProgress: Sendable, Hashable {
    /// Ids still waiting for the server.
    public internal(set) var waiting: Set<String>
    public internal(set) var total: Int
    public internal(set) var succeeded: Int = 0
    /// One line per failure: name and reason.
    public internal(set) var failures: [String] = []

    public init(ids: Set<String>) {
        self.waiting = ids
        self.total = ids.count
    }

    /// The summary once all answers are in.
    public var summary: String {
        if failures.isEmpty { return "Toggled \(succeeded) synchronizer\(succeeded == 1 ? "" : "s")" }
        return "Toggled \(succeeded) of \(total); \(failures.count) failed: " + failures.joined(separator: "; ")
    }
}
