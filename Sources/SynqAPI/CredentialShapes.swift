/// Removes anything shaped like a credential from text a server sent, for error excerpts
/// and messages: synq does not know every key a hostile or broken server may echo, only
/// what keys look like.
///
/// - the value of any JSON string field (or `name=value` pair) whose name contains `key`,
///   `secret`, `password`, `passwd` or `token`, even when the body is cut inside the value;
/// - Synvo keys (`sk_live_…`, `sk_test_…`) and `ent_…` Enterprise keys;
/// - synchronizer keys: five dash-separated groups of 8-4-4-4-12 letters or digits (opaque,
///   not only hex: the seed's own sample `c2ef1e74-94c4-589e-b66g-b7d513f85296` has a `g`);
/// - any other unbroken run of 32 or more letters, digits or `_` (hex and base64-like tokens).
public enum CredentialShapes {
    public static let mask = "<redacted>"

    public static func redact(_ text: String) -> String {
        var result = text
        // Field values first, keeping the field's name so the excerpt still says what it was.
        if let field = try? Regex(#""([A-Za-z0-9_\-]*(?:key|secret|password|passwd|token)[A-Za-z0-9_\-]*)"\s*:\s*"(?:[^"\\]|\\.)*("|$)"#) {
            result = result.replacing(field.ignoresCase()) { match in
                let name = match.output[1].substring ?? ""
                let closed = (match.output[2].substring ?? "").isEmpty ? "" : "\""
                return "\"\(name)\":\"\(mask)\(closed)"
            }
        }
        if let pair = try? Regex(#"\b([A-Za-z0-9_\-]*(?:key|secret|password|passwd|token)[A-Za-z0-9_\-]*)=([^&\s"]+)"#) {
            result = result.replacing(pair.ignoresCase()) { match in "\(match.output[1].substring ?? "")=\(mask)" }
        }
        for pattern in [
            #"\b(?:sk|ent)_[A-Za-z0-9_\-]{4,}"#,
            #"\b[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}\b"#,
            #"[A-Za-z0-9_]{32,}"#,
        ] {
            guard let shape = try? Regex(pattern) else { continue }
            result = result.replacing(shape, with: mask)
        }
        return result
    }
}
