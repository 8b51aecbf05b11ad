import Foundation
import SynqAPI

/// One named set of connection settings: both base URLs, both API keys and the TUI theme.
/// A nil field means "not set here", so flags, environment and defaults decide.
public struct Profile: Sendable, Equatable {
    public var name: String
    public var enterpriseURL: String?
    public var synvoURL: String?
    public var enterpriseKey: Secret?
    public var synvoKey: Secret?
    /// The TUI theme of this profile (`[profiles.NAME] theme` in config.toml).
    public var theme: String?

    public init(name: String, enterpriseURL: String? = nil, synvoURL: String? = nil, enterpriseKey: Secret? = nil, synvoKey: Secret? = nil,
                theme: String? = nil) {
        self.name = name
        self.enterpriseURL = enterpriseURL
        self.synvoURL = synvoURL
        self.enterpriseKey = enterpriseKey
        self.synvoKey = synvoKey
        self.theme = theme
    }

    public static let defaultName = "default"

    /// Profile names become TOML keys and appear in messages: keep them plain.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    public func key(for service: Service) -> Secret? {
        service == .enterprise ? enterpriseKey : synvoKey
    }

    public mutating func setKey(_ key: Secret?, for service: Service) {
        if service == .enterprise { enterpriseKey = key } else { synvoKey = key }
    }
}

/// How the API keys are kept at rest.
public enum CredentialProtection: String, Sendable, Equatable, Codable {
    /// Plain text in a 0600 file: anyone who can read the file (root, a backup) has the keys.
    case permissionsOnly = "permissions-only"
    /// Sealed with ChaCha20-Poly1305 under a key derived from a passphrase with scrypt.
    case passphrase

    public var summary: String {
        switch self {
        case .permissionsOnly: "protected by file permissions only (mode 0600, not encrypted); run `synq config encrypt` to add a passphrase"
        case .passphrase: "encrypted with a passphrase (scrypt + ChaCha20-Poly1305)"
        }
    }
}
