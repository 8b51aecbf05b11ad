/// Why the journal cannot keep history. Every case reads as one line; none quotes data.
public enum JournalError: Error, Sendable, Hashable {
    case cannotCreateFolder(String, reason: String)
    case notAFile(String)
    case notADatabase(String)
    case locked(String)
    /// The user (or the file system) made the journal read-only.
    case readOnly(String)
    case unusable(String, reason: String)
    case badRetention(String)
}

extension JournalError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let reason): "cannot create the journal folder \(path): \(reason)"
        case .notAFile(let path): "the journal \(path) is not a regular file"
        case .notADatabase(let path): "the journal \(path) is damaged or not a journal (move it away to start a new one)"
        case .locked(let path): "the journal \(path) is locked by another program"
        case .readOnly(let path): "the journal \(path) is read-only (make it writable to keep history)"
        case .unusable(let path, let reason): "cannot use the journal \(path): \(reason)"
        case .badRetention(let text): "bad journal retention \"\(text)\": expected an age like 90d, a count like 1M, or both (90d,1M)"
        }
    }
}
