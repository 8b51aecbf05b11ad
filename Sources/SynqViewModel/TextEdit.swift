/// One editing operation on a `TextField`.
public enum TextEdit: Sendable, Hashable {
    case moveLeft, moveRight, moveToStart, moveToEnd
    case deleteBackward, deleteForward
    case killToStart, killToEnd
    case deleteWordBackward
}

/// Keys for one editing operation, with its help line.
public struct TextEditBinding: Sendable, Hashable {
    public let keys: [KeyPress]
    public let edit: TextEdit
    public let help: String

    public init(_ keys: [KeyPress], _ edit: TextEdit, _ help: String) {
        self.keys = keys
        self.edit = edit
        self.help = help
    }
}
