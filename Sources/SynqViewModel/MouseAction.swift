/// A mouse event as the renderer's hit map resolved it. The view model never sees screen
/// coordinates: the terminal asks the last frame what was under the pointer.
public enum MouseAction: Sendable, Hashable {
    /// Button 1 pressed over `target` (nil: nothing clickable there).
    case click(MouseTarget?)
    /// One notch of the wheel.
    case wheel(WheelDirection)

    /// Rows (or help lines) one notch of the wheel moves.
    public static let wheelStep = 3
}

/// What a click can land on.
public enum MouseTarget: Sendable, Hashable {
    /// A pane's tab on the top line.
    case tab(Pane)
    /// A table row of `pane`, named by id so a poll that reorders the rows between the
    /// frame and the click cannot make it select another row.
    case row(id: String, pane: Pane)
}

public enum WheelDirection: Sendable, Hashable {
    case up, down
}

/// What the mouse does, for the help overlay and the README (the mouse has no key table).
public enum MouseHelp {
    public static let entries: [(gesture: String, help: String)] = [
        ("click", "Select a row; a tab on the top line switches pane"),
        ("wheel", "Move the selection (or scroll help, details) 3 lines"),
        ("S-drag", "Select text (the terminal's own selection)"),
    ]

    /// Heading of the mouse section of help.
    public static let title = "Mouse (off with --no-mouse)"
}
