import SynqViewModel

/// What the terminal session needs to know before it starts.
public struct TerminalConfiguration: Sendable {
    public var theme: Theme
    /// Used when the terminal has no colours (TERM=vt100).
    public var monochrome: Theme
    public var keyMap: KeyMap
    public var bracketedPaste: Bool
    /// ASCII glyphs even in a UTF-8 locale.
    public var forceASCII: Bool
    /// Wrap OSC 52 for tmux's passthrough.
    public var insideTmux: Bool
    /// Clicks and the wheel (`--no-mouse` turns them off, leaving the mouse to the terminal).
    public var mouse: Bool

    public init(theme: Theme, monochrome: Theme, keyMap: KeyMap = .standard, bracketedPaste: Bool = true,
                forceASCII: Bool = false, insideTmux: Bool = false, mouse: Bool = true) {
        self.theme = theme
        self.monochrome = monochrome
        self.keyMap = keyMap
        self.bracketedPaste = bracketedPaste
        self.forceASCII = forceASCII
        self.insideTmux = insideTmux
        self.mouse = mouse
    }
}
