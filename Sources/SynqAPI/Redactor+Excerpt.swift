import Foundation
import SynqText

extension Redactor {
    /// `Sanitizer.excerpt` of a body with every secret removed *before* it is cut: cutting
    /// first would leave the front of a secret that straddles the cut in the excerpt. And
    /// removed again once cleaned: a control character's visible escape (`\x1f`) ends in a
    /// letter that can complete a secret the body sent without its first one.
    public func excerpt(_ data: Data, limit: Int = 80) -> String {
        // Bytes the excerpt can show, plus room for a secret that starts inside them.
        let window = data.prefix(limit * 4 + longestSecretBytes)
        let text = self(Sanitizer.excerpt(Data(self(String(decoding: window, as: UTF8.self)).utf8), limit: limit))
        return data.count > window.count && !text.hasSuffix("…") ? text + "…" : text
    }

    /// The text with every secret removed, then cut to `limit` characters and cleaned, in
    /// that order for the same reasons, and secrets removed again from what the cleaning made.
    public func prefix(_ text: String, limit: Int) -> String {
        self(Sanitizer.clean(String(self(text).prefix(limit))))
    }
}
