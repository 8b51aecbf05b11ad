import Foundation
import SynqAPI

/// The OSC 52 escape that asks the terminal (even across SSH) to put text on the
/// clipboard: `ESC ] 52 ; c ; base64 BEL`. Inside tmux it is sent twice: plain (tmux
/// forwards it with `set-clipboard on`) and wrapped in a DCS passthrough (reaches the outer
/// terminal with `allow-passthrough on`); whichever tmux does not accept it drops.
public enum OSC52 {
    public static func sequence(for text: Secret, insideTmux: Bool = false) -> String {
        let payload = Data(text.reveal().utf8).base64EncodedString()
        let osc = "\u{1b}]52;c;\(payload)\u{07}"
        guard insideTmux else { return osc }
        return osc + "\u{1b}Ptmux;" + osc.replacingOccurrences(of: "\u{1b}", with: "\u{1b}\u{1b}") + "\u{1b}\\"
    }
}
