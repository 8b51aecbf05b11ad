import SynqAPI

/// Puts text on the user's clipboard. The TUI backend implements it with OSC 52 (works
/// over SSH), written from its terminal thread.
public protocol ClipboardWriter: Sendable {
    func copy(_ text: Secret) async -> CopyOutcome
}
