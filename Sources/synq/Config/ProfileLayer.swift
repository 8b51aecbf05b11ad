import Foundation
import SynqAPI
import SynqConfig

/// The last layer of settings: what flags and environment left unset comes from a profile
/// in the config folder (`--profile NAME`, else SYNQ_PROFILE, else the active profile).
/// Encrypted keys are opened (asking for the passphrase) only when a key is still missing;
/// SYNQ_NO_PROMPT=1 forbids asking.
struct ProfileLayer {
    var environment: [String: String]

    func fill(_ settings: Settings, options: ConnectionOptions) throws -> Settings {
        let locations = ConfigLocations(environment: environment)
        let requested = options.profile ?? nonEmpty("SYNQ_PROFILE")
        let hasFiles = FileManager.default.fileExists(atPath: locations.profilesFile) || FileManager.default.fileExists(atPath: locations.credentialsFile)
        var settings = settings
        settings.profileName = requested ?? Profile.defaultName
        if !hasFiles {
            if let requested { throw CredentialStoreError.profileNotFound(requested) }
            return settings
        }
        let enterpriseURLGiven = options.enterpriseURL != nil || nonEmpty("ENTERPRISE_API_URL") != nil
        let synvoURLGiven = options.synvoURL != nil || nonEmpty("SYNVO_BASE_URL") != nil
        let needsKey = settings.enterpriseKey == nil || settings.synvoKey == nil
        if requested == nil && !needsKey && enterpriseURLGiven && synvoURLGiven { return settings }

        let store = CredentialStore(locations: locations)
        // Ask on the terminal only when no key at all came from flags or environment; with one
        // key present, an encrypted store is opened only if SYNQ_PASSPHRASE is set, so a command
        // that needs just that key never stops to ask.
        let bothMissing = settings.enterpriseKey == nil && settings.synvoKey == nil
        let set: ProfileSet
        do {
            set = try store.load(passphrase: needsKey ? LivePassphraseSource(environment: environment, prompts: bothMissing) : nil)
        } catch CredentialStoreError.passphraseRequired where !bothMissing {
            set = try store.load(passphrase: nil)
        }
        let profile = try set.profile(named: requested)
        var filled = settings
        filled.profileName = profile.name
        filled.profile = profile.name
        if !enterpriseURLGiven, let url = profile.enterpriseURL { filled.enterpriseURL = url }
        if !synvoURLGiven, let url = profile.synvoURL { filled.synvoURL = url }
        if filled.enterpriseKey == nil { filled.enterpriseKey = profile.enterpriseKey }
        if filled.synvoKey == nil { filled.synvoKey = profile.synvoKey }
        return filled
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
