import Foundation
import SynqFiles
import SynqAPI
import SynqText

/// Why the credential store could not be read or changed.
public enum CredentialStoreError: Error, Sendable, Equatable {
    /// The passphrase did not open the credentials (or the file was altered).
    case wrongPassphrase
    /// The credentials are encrypted and no passphrase is available (no SYNQ_PASSPHRASE, no terminal).
    case passphraseRequired
    case corrupt(reason: String)
    /// config.toml is not TOML or has a value of the wrong type.
    case badConfigFile(reason: String)
    case profileNotFound(String)
    case invalidProfileName(String)
    case file(SecureFileError)
}

extension CredentialStoreError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .wrongPassphrase:
            "wrong passphrase: the credentials could not be decrypted (nothing was changed)"
        case .passphraseRequired:
            "the credentials are encrypted; set SYNQ_PASSPHRASE or run on a terminal to be asked for the passphrase"
        case .corrupt(let reason):
            "the credentials file cannot be read: \(reason)"
        case .badConfigFile(let reason):
            "the config file cannot be read: \(reason)"
        case .profileNotFound(let name):
            "no profile named \"\(Sanitizer.clean(name))\"; see `synq config list`"
        case .invalidProfileName(let name):
            "invalid profile name \"\(Sanitizer.clean(String(name.prefix(80))))\": use letters, digits, '-', '_' or '.'"
        case .file(let error):
            error.description
        }
    }

    public var errorDescription: String? { description }
}
