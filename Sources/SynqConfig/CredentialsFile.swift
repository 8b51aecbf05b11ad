import Foundation

/// The on-disk shape of `credentials.json`. Either the keys in plain text (protection
/// `permissions-only`, saying so in `notice`) or one sealed blob (protection `passphrase`).
struct CredentialsFile: Codable, Sendable {
    static let formatName = "synq-credentials/1"

    /// The keys of one profile, as stored.
    struct Keys: Codable, Sendable, Equatable {
        var enterpriseApiKey: String?
        var synvoApiKey: String?
    }

    var format: String
    var protection: CredentialProtection
    /// One human sentence for whoever opens the file.
    var notice: String
    var profiles: [String: Keys]?
    var kdf: ScryptParameters?
    var cipher: String?
    /// Base64 of nonce ‖ ciphertext ‖ tag.
    var sealed: String?

    static let plainNotice = "NOT ENCRYPTED: these keys are protected by file permissions only (mode 0600). Run `synq config encrypt` to protect them with a passphrase."
    static let sealedNotice = "Encrypted with a passphrase (scrypt, ChaCha20-Poly1305). Without the passphrase these keys cannot be recovered."
}
