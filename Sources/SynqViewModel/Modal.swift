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
    /// Every field of one row (`Enter`).
    case detail(DetailView)
    /// The profile picker (`P`).
    case profilePicker(ProfilePicker)
}
