import CNcurses
import SynqViewModel

/// Turns what `get_wch` returns into the view model's `KeyPress`, following the mapping
/// the view model documents. Pure apart from reading ncurses' key constants.
enum NcursesKeys {
    /// Custom key codes for the bracketed-paste markers (registered with `define_key`).
    static let pasteBegin = Int32(KEY_MAX) + 1
    static let pasteEnd = Int32(KEY_MAX) + 2

    /// A function key (`get_wch` returned KEY_CODE_YES).
    static func functionKey(_ code: Int32) -> KeyPress? {
        switch code {
        case Int32(KEY_UP): .up
        case Int32(KEY_DOWN): .down
        case Int32(KEY_LEFT): .left
        case Int32(KEY_RIGHT): .right
        case Int32(KEY_PPAGE): .pageUp
        case Int32(KEY_NPAGE): .pageDown
        case Int32(KEY_HOME), Int32(KEY_A1): .home
        case Int32(KEY_END), Int32(KEY_C1): .end
        case Int32(KEY_BACKSPACE): .backspace
        case Int32(KEY_DC): .delete
        case Int32(KEY_BTAB): .backTab
        case Int32(KEY_ENTER): .enter
        default:
            if code >= synq_key_f(1), code <= synq_key_f(12) { .function(Int(code - synq_key_f(0))) } else { nil }
        }
    }

    /// A character (`get_wch` returned OK).
    static func character(_ value: UInt32) -> KeyPress? {
        switch value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x00...0x1F, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
