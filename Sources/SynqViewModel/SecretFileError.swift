/// Why a secret could not be saved to a file.
public enum SecretFileError: Error, Sendable, Hashable {
    /// The file exists; it is never overwritten.
    case exists(path: String)
    /// The folder is missing or not writable, or the disk refused.
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
}
