import SynqAPI

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
