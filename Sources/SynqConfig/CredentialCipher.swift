import Crypto
import _CryptoExtras
import Foundation
import SynqAPI

/// Parameters of the scrypt derivation, stored beside the ciphertext so they can be raised
/// later without breaking old files.
public struct ScryptParameters: Codable, Sendable, Equatable {
    public var algorithm: String
    public var logN: Int
    public var r: Int
    public var p: Int
    /// Base64 of 16 random bytes.
    public var salt: String

    /// 2^17 × 8 × 128 bytes = 128 MiB of memory per derivation: slow for a guesser, well under
    /// a second for the owner.
    public static func fresh() -> ScryptParameters {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return ScryptParameters(algorithm: "scrypt", logN: 17, r: 8, p: 1, salt: Data(salt).base64EncodedString())
    }

    /// The most a file may ask one derivation to cost: 256 MiB of memory (128 × r × N bytes)
    /// and twice the work of `fresh()` (N × r × p). A crafted file asking logN 20, r 32, p 4
    /// (4 GiB, about half a minute) is refused before any work.
    static let maximumMemoryBytes = 256 << 20
    static let maximumWork = 2 << 20

    /// Bounds a file may ask for, so a crafted file cannot make us allocate gigabytes.
    var isAcceptable: Bool {
        guard algorithm == "scrypt", (10...20).contains(logN), (1...32).contains(r), (1...4).contains(p),
              Data(base64Encoded: salt).map({ $0.count >= 16 }) == true
        else { return false }
        let n = 1 << logN
        return 128 * r * n <= Self.maximumMemoryBytes && n * r * p <= Self.maximumWork
    }
}

/// Seals and opens the credentials under a passphrase: scrypt derives a 256-bit key, and
/// ChaCha20-Poly1305 (an AEAD) encrypts and authenticates. The KDF parameters are bound as
/// associated data, so a tampered header fails like a wrong passphrase instead of decrypting
/// to garbage.
public enum CredentialCipher {
    public static let cipherName = "chacha20-poly1305"
    /// Shortest passphrase accepted when the keys are first encrypted.
    public static let minimumPassphraseLength = 8

    public static func seal(_ plaintext: Data, passphrase: Secret, parameters: ScryptParameters) throws(CredentialStoreError) -> Data {
        let key = try deriveKey(passphrase: passphrase, parameters: parameters)
        do {
            let box = try ChaChaPoly.seal(plaintext, using: key, authenticating: associatedData(parameters))
            return box.combined
        } catch {
            throw .corrupt(reason: "encryption failed")
        }
    }

    public static func open(_ sealed: Data, passphrase: Secret, parameters: ScryptParameters) throws(CredentialStoreError) -> Data {
        let key = try deriveKey(passphrase: passphrase, parameters: parameters)
        let box: ChaChaPoly.SealedBox
        do {
            box = try ChaChaPoly.SealedBox(combined: sealed)
        } catch {
            throw .corrupt(reason: "the sealed data is truncated")
        }
        do {
            return try ChaChaPoly.open(box, using: key, authenticating: associatedData(parameters))
        } catch {
            // Authentication failure: the passphrase is wrong or the file was altered. The two
            // cannot be told apart, and neither yields any plaintext.
            throw .wrongPassphrase
        }
    }

    static func deriveKey(passphrase: Secret, parameters: ScryptParameters) throws(CredentialStoreError) -> SymmetricKey {
        guard parameters.isAcceptable, let salt = Data(base64Encoded: parameters.salt) else {
            throw .corrupt(reason: "unsupported key-derivation parameters")
        }
        do {
            return try KDF.Scrypt.deriveKey(
                from: Data(passphrase.reveal().utf8), salt: salt, outputByteCount: 32,
                rounds: 1 << parameters.logN, blockSize: parameters.r, parallelism: parameters.p
            )
        } catch {
            throw .corrupt(reason: "key derivation failed")
        }
    }

    static func associatedData(_ p: ScryptParameters) -> Data {
        Data("\(CredentialsFile.formatName)|\(cipherName)|\(p.algorithm)|\(p.logN)|\(p.r)|\(p.p)|\(p.salt)".utf8)
    }
}
