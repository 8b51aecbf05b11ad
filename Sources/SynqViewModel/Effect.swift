import Foundation
import SynqAPI

/// Work the reducer asks the store to do. Plain data, so tests compare it.
public enum Effect: Sendable, Hashable {
    case fetch(ResourceKind)
    case toggle(id: String, enable: Bool)
    /// Sent once; never retried.
    case createSynchronizer(name: String)
    /// Sent once; never retried.
    case createKey(name: String?)
    /// Put text on the terminal's clipboard (the TUI backend does it with OSC 52).
    case copyToClipboard(Secret, CopyTarget)
    /// Write a secret to a new 0600 file, never overwriting.
    case saveSecret(Secret, suggestedPath: String)
    /// Build a client for a typed API key.
    case useCredential(Service, Secret)
    /// Filter and sort a large table off the render loop (a newer pass cancels this one).
    case deriveTable(TableDerivation)
    /// Connect to another profile's fleet; results of requests sent before are dropped.
    case switchProfile(String)
}
