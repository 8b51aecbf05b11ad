import CNcurses
import SynqViewModel

/// Turns what `get_wch` returns into the view model's `KeyPress`, following the mapping
/// the view model documents. Pure apart from reading ncurses' key constants.
enum NcursesKeys {
    /// Custom key codes for the bracketed-paste markers (registered with `define_key`).
    static let pasteBegin = Int32(KEY_MAX) + 1
    static let pasteEnd = Int32(KEY_MAX) + 2

    /// The keys modern terminals (and tmux, whatever TERM says) send as xterm does, bound
    /// for terminal types whose description lacks them: TERM=vt100 has no PgUp or PgDn, so
    /// a PgDn arrived as Esc `[6~`, and the Esc closed help or the detail view. A sequence
    /// the terminal's own description binds already is left as it is.
    static let xtermSequences: [(sequence: String, code: Int32)] = [
        ("\u{1b}[5~", Int32(KEY_PPAGE)), ("\u{1b}[6~", Int32(KEY_NPAGE)),
        ("\u{1b}[A", Int32(KEY_UP)), ("\u{1b}[B", Int32(KEY_DOWN)), ("\u{1b}[C", Int32(KEY_RIGHT)), ("\u{1b}[D", Int32(KEY_LEFT)),
        ("\u{1b}OA", Int32(KEY_UP)), ("\u{1b}OB", Int32(KEY_DOWN)), ("\u{1b}OC", Int32(KEY_RIGHT)), ("\u{1b}OD", Int32(KEY_LEFT)),
        ("\u{1b}[H", Int32(KEY_HOME)), ("\u{1b}[F", Int32(KEY_END)), ("\u{1b}OH", Int32(KEY_HOME)), ("\u{1b}OF", Int32(KEY_END)),
        ("\u{1b}[1~", Int32(KEY_HOME)), ("\u{1b}[4~", Int32(KEY_END)), ("\u{1b}[7~", Int32(KEY_HOME)), ("\u{1b}[8~", Int32(KEY_END)),
        ("\u{1b}[3~", Int32(KEY_DC)), ("\u{1b}[Z", Int32(KEY_BTAB)),
    ]

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
