import Foundation

/// Removes a known secret from text a server sent back, in case it echoes the credential.
public struct Redactor: Sendable {
    private let secrets: [String]

    public init(_ secrets: [Secret]) {
        self.secrets = secrets.map { $0.reveal() }.filter { $0.count >= 4 }
    }

    /// UTF-8 length of the longest secret, so a caller can keep enough text around a cut.
    public var longestSecretBytes: Int { secrets.map(\.utf8.count).max() ?? 0 }

    /// The text without the known secrets, then without anything credential-shaped.
    public func callAsFunction(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return CredentialShapes.redact(result)
    }
}
