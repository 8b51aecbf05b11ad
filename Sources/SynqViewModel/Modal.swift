import Foundation
import SynqAPI

/// What is in front of the panes, taking all keys until it closes.
public enum Modal: Sendable, Hashable {
    /// A y/n question before enabling/disabling synchronizers.
    case confirmToggle(ToggleConfirmation)
    /// A one-line text prompt (synchronizer name, key name, a missing API key).
    case prompt(Prompt)
    /// The plaintext of a just-created Synvo key, shown once.
    case oneTimeKey(OneTimeKeyModal)
}

/// One synchronizer to switch, with the state it should get.
public struct ToggleTarget: Sendable, Hashable {
    public var id: String
    public var name: String
    public var enable: Bool

    public init(id: String, name: String, enable: Bool) {
        self.id = id
        self.name = name
        self.enable = enable
    }
}

/// The y/n question for a toggle: one disabling, or a whole set of marked rows.
public struct ToggleConfirmation: Sendable, Hashable {
    public var targets: [ToggleTarget]
    /// True when the targets are the marked rows (marks clear after confirming).
    public var isBulk: Bool

    public init(targets: [ToggleTarget], isBulk: Bool) {
        self.targets = targets
        self.isBulk = isBulk
    }

    /// The question, e.g. `Disable "prod-1"? (y/n)` or `Toggle 3 marked synchronizers (2 to disable, 1 to enable)? (y/n)`.
    public var question: String {
        if !isBulk, let only = targets.first, targets.count == 1 {
            return "\(only.enable ? "Enable" : "Disable") \"\(only.name)\"? (y/n)"
        }
        let disabling = targets.filter { !$0.enable }.count
        let enabling = targets.count - disabling
        var parts: [String] = []
        if disabling > 0 { parts.append("\(disabling) to disable") }
        if enabling > 0 { parts.append("\(enabling) to enable") }
        return "Toggle \(targets.count) marked synchronizer\(targets.count == 1 ? "" : "s") (\(parts.joined(separator: ", ")))? (y/n)"
    }
}

/// What a prompt is asking for.
public enum PromptPurpose: Sendable, Hashable {
    /// Name of a new synchronizer (required).
    case synchronizerName
    /// Name of a new Synvo key (optional; empty means none).
    case keyName
    /// A missing API key, typed masked.
    case credential(Service)
}

/// A text prompt over the panes.
public struct Prompt: Sendable, Hashable {
    public var purpose: PromptPurpose
    public var field: TextField
    /// Shown under the field after a rejected submit (e.g. "a name is required").
    public var error: String?

    public init(purpose: PromptPurpose, field: TextField? = nil, error: String? = nil) {
        self.purpose = purpose
        if let field {
            self.field = field
        } else if case .credential = purpose {
            self.field = TextField(masked: true)
        } else {
            self.field = TextField()
        }
        self.error = error
    }

    /// The prompt's label.
    public var title: String {
        switch purpose {
        case .synchronizerName: "New synchronizer name:"
        case .keyName: "New Synvo key name (optional):"
        case .credential(let service): "\(service.displayName) key:"
        }
    }

    /// The hint line under the field.
    public var hint: String {
        switch purpose {
        case .synchronizerName, .keyName: "Enter to create · Esc to cancel"
        case .credential(let service): "Enter to use it · Esc to continue without the \(service.displayName)"
        }
    }
}

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
