/// What `Enter` opens over a table: every field of one synchronizer or Synvo key, whole.
/// It names the row by id, so the view follows the row across polls (and says so when the
/// row is gone); the renderer reads the fields from the table.
public struct DetailView: Sendable, Hashable {
    public enum Subject: Sendable, Hashable {
        case synchronizer(id: String)
        case key(id: String)
    }

    public var subject: Subject
    /// First line of the fields on screen (the view scrolls when they do not all fit).
    public internal(set) var offset = 0

    public init(_ subject: Subject) { self.subject = subject }
}

/// A field of a row that can be copied (`y` in a table; `i`, `n`, `k` in the detail view).
public enum RowField: String, Sendable, Hashable, CaseIterable {
    case id
    case name
    /// The synq key of a synchronizer (a Synvo key's plaintext is never listed).
    case key
}
