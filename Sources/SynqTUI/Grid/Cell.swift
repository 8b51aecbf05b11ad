/// One terminal cell: the grapheme shown there, how many columns it covers, and its role.
///
/// A wide grapheme (CJK, emoji) sits in its first cell with `width == 2`; the cell to its
/// right is a `continuation` (width 0, empty text) that the backend skips.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: UInt8
    public var role: StyleRole

    public init(text: String, width: UInt8, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static func blank(_ role: StyleRole = .base) -> Cell { Cell(text: " ", width: 1, role: role) }
    public static func continuation(_ role: StyleRole) -> Cell { Cell(text: "", width: 0, role: role) }

    public var isContinuation: Bool { width == 0 }
}
