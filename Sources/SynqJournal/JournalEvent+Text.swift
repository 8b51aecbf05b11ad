import Foundation
import SynqAPI
import SynqText

extension JournalEvent {
    /// The change as words: "ACTIVE → REVOKED", "renamed to edge-2", "appeared".
    public var changeText: String {
        switch kind {
        case .appeared, .disappeared, .enabled, .disabled:
            return kind.rawValue
        case .renamed, .statusChanged, .lastUsed, .preferenceChanged:
            return "\(kind.rawValue) \(oldValue ?? "none") → \(newValue ?? "none")"
        }
    }

    /// One line for `synq watch` and `synq events`: time, profile, resource, name and id,
    /// change, origin. Server text is sanitized, so a hostile name cannot drive the terminal.
    public var line: String {
        let label = name.map { "\($0) (\(itemID))" } ?? itemID
        return [JSONCoding.formatDate(observedAt), profile, resource.rawValue, label, changeText, origin.rawValue]
            .map(Sanitizer.clean)
            .joined(separator: "  ")
    }

    /// One compact JSON object, no newline: the NDJSON line and the `--on-change` input.
    public func jsonData() throws -> Data {
        try JSONCoding.encoder(pretty: false).encode(self)
    }
}
