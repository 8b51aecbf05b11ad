import Foundation
import SynqAPI
import SynqTerminal

/// Where the passphrase for encrypted credentials comes from.
public protocol PassphraseSource: Sendable {
    /// The passphrase. `confirm` asks twice when a human types a new one.
    func passphrase(confirm: Bool) throws -> Secret
}

/// `SYNQ_PASSPHRASE` when set, else a masked prompt on the terminal (unless `prompts` is
/// off or SYNQ_NO_PROMPT is set), else `CredentialStoreError.passphraseRequired`.
public struct LivePassphraseSource: PassphraseSource {
    public var environment: [String: String]
    public var prompts: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, prompts: Bool = true) {
        self.environment = environment
        self.prompts = prompts
    }

    public func passphrase(confirm: Bool) throws -> Secret {
        if let value = environment["SYNQ_PASSPHRASE"], !value.isEmpty { return try checked(Secret(value), creating: confirm) }
        guard prompts, environment["SYNQ_NO_PROMPT"]?.isEmpty ?? true else { throw CredentialStoreError.passphraseRequired }
        let terminal: Terminal
        do {
            terminal = try Terminal.open()
        } catch {
            throw CredentialStoreError.passphraseRequired
        }
        defer { terminal.close() }
        let first = try terminal.readMasked(prompt: "Passphrase for synq credentials: ")
        guard !first.isEmpty else { throw PromptError.empty("passphrase") }
        if confirm {
            let second = try terminal.readMasked(prompt: "Repeat the passphrase: ")
            guard first == second else { throw PromptError.mismatch("passphrases") }
        }
        return try checked(first, creating: confirm)
    }

    /// A new passphrase (`confirm`) must be long enough; an existing one is taken as it is.
    private func checked(_ phrase: Secret, creating: Bool) throws(PromptError) -> Secret {
        if creating && phrase.reveal().count < CredentialCipher.minimumPassphraseLength {
            throw .tooShort("passphrase", minimum: CredentialCipher.minimumPassphraseLength)
        }
        return phrase
    }
}
