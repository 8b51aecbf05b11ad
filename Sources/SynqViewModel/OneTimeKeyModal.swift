import SynqAPI

/// The one-time key modal. It stays until the user confirms they are done; closing
/// before the key was copied or saved asks first, since the key cannot be shown again.
public struct OneTimeKeyModal: Sendable, Hashable {
    public var keyID: String
    public var name: String?
    /// The plaintext key. The renderer shows `secret.masked` unless `isRevealed`.
    public var secret: Secret
    public var isRevealed: Bool = false
    /// Where `w` saves the key.
    public var suggestedPath: String
    public var copy: CopyState = .notCopied
    public var save: SaveState = .notSaved
    /// True while asking "close without copying or saving? (y/n)".
    public var isConfirmingClose: Bool = false

    public init(keyID: String, name: String?, secret: Secret, suggestedPath: String) {
        self.keyID = keyID
        self.name = name
        self.secret = secret
        self.suggestedPath = suggestedPath
    }

    /// True once the key reached the clipboard or a file.
    public var isSecured: Bool {
        if case .sent = copy { return true }
        if case .saved = save { return true }
        return false
    }

    /// Where the copy of the key stands.
    public enum CopyState: Sendable, Hashable {
        case notCopied
        case copying
        /// Sent to the terminal's clipboard (OSC 52 gives no receipt).
        case sent
        case failed(String)
    }

    /// Where saving the key to a file stands.
    public enum SaveState: Sendable, Hashable {
        case notSaved
        case saving
        case saved(path: String)
        case failed(String)
    }

    /// The close question.
    public static let closeQuestion = "The key was not copied or saved and cannot be shown again. Close anyway? (y/n)"
}
