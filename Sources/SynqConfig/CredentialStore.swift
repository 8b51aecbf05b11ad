import Foundation
import SynqFiles
import SynqAPI
import SynqText
import SynqTOML

/// Reads and writes the profiles (`config.toml`) and their keys (`credentials.json`) in the
/// config folder. The folder is 0700 and both files 0600, each written atomically; the keys
/// file is refused when group or others can read it.
public struct CredentialStore: Sendable {
    public let locations: ConfigLocations

    public init(locations: ConfigLocations) {
        self.locations = locations
    }

    /// How the keys are protected now, without asking for a passphrase; nil when no keys are stored.
    public func protection() throws(CredentialStoreError) -> CredentialProtection? {
        guard let data = try readCredentials() else { return nil }
        return try decodeEnvelope(data).protection
    }

    /// The profiles, base URLs and themes of config.toml only: the keys file is not read,
    /// so this never asks for a passphrase and works whatever state the keys are in.
    public func loadProfiles() throws(CredentialStoreError) -> ProfileSet {
        var set = ProfileSet()
        set.keysLoaded = false
        guard let text = try readProfiles() else { return set }
        let document: ProfilesDocument
        do {
            document = try ProfilesDocument.parse(text)
        } catch let error as TOMLSyntaxError {
            throw .badConfigFile(reason: "\(locations.profilesFile):\(error.line): not valid TOML")
        } catch let error as DecodingError {
            throw .badConfigFile(reason: "\(locations.profilesFile): \(Self.describe(error))")
        } catch {
            throw .badConfigFile(reason: "\(locations.profilesFile) is not valid TOML")
        }
        if let active = document.active, Profile.isValidName(active) { set.activeName = active }
        set.theme = document.theme
        set.alertBell = document.alerts?.bell
        set.alertFlash = document.alerts?.flash
        set.uiMouse = document.ui?.mouse
        for (name, entry) in document.profiles ?? [:] where Profile.isValidName(name) {
            set.profiles[name] = Profile(name: name, enterpriseURL: entry.enterprise_url, synvoURL: entry.synvo_url, theme: entry.theme)
        }
        return set
    }

    /// Everything, opening encrypted keys with a passphrase from `source` (asked only when the
    /// keys are encrypted). With no source, encrypted keys are left out and nothing is asked.
    public func load(passphrase source: (any PassphraseSource)?) throws -> ProfileSet {
        var set = try loadProfiles()
        set.keysLoaded = true
        guard let data = try readCredentials() else { return set }
        let envelope = try decodeEnvelope(data)
        set.protection = envelope.protection
        let keys: [String: CredentialsFile.Keys]
        switch envelope.protection {
        case .permissionsOnly:
            keys = envelope.profiles ?? [:]
        case .passphrase:
            guard let kdf = envelope.kdf, let sealedText = envelope.sealed, let sealed = Data(base64Encoded: sealedText),
                  envelope.cipher == CredentialCipher.cipherName
            else { throw CredentialStoreError.corrupt(reason: "the encrypted section is incomplete") }
            guard let source else {
                set.keysLoaded = false
                return set
            }
            let phrase = try source.passphrase(confirm: false)
            let plain = try CredentialCipher.open(sealed, passphrase: phrase, parameters: kdf)
            guard let decoded = try? JSONDecoder().decode([String: CredentialsFile.Keys].self, from: plain) else {
                throw CredentialStoreError.corrupt(reason: "the decrypted keys are not readable")
            }
            keys = decoded
            set.passphrase = phrase
        }
        for (name, entry) in keys where Profile.isValidName(name) {
            var profile = set.profiles[name] ?? Profile(name: name)
            profile.enterpriseKey = entry.enterpriseApiKey.map { Secret($0) }
            profile.synvoKey = entry.synvoApiKey.map { Secret($0) }
            set.profiles[name] = profile
        }
        return set
    }

    /// Writes both files. An encrypted set is sealed again under a fresh salt.
    public func save(_ set: ProfileSet) throws(CredentialStoreError) {
        do {
            try SecureFile.ensureDirectory(locations.configDirectory)
        } catch {
            throw .file(error)
        }
        let alerts = set.alertBell == nil && set.alertFlash == nil ? nil : ProfilesDocument.Alerts(bell: set.alertBell, flash: set.alertFlash)
        var document = ProfilesDocument(active: set.activeName, theme: set.theme, alerts: alerts,
                                        ui: set.uiMouse.map { ProfilesDocument.UI(mouse: $0) }, profiles: [:])
        var keys: [String: CredentialsFile.Keys] = [:]
        for (name, profile) in set.profiles {
            document.profiles?[name] = .init(enterprise_url: profile.enterpriseURL, synvo_url: profile.synvoURL, theme: profile.theme)
            let entry = CredentialsFile.Keys(enterpriseApiKey: profile.enterpriseKey?.reveal(), synvoApiKey: profile.synvoKey?.reveal())
            if entry.enterpriseApiKey != nil || entry.synvoApiKey != nil { keys[name] = entry }
        }
        if !set.keysLoaded {
            // The keys were never opened: rewrite the profiles only and leave the sealed keys as they are.
            do {
                try SecureFile.write(Data(try document.render().utf8), to: locations.profilesFile)
            } catch let error as SecureFileError {
                throw .file(error)
            } catch {
                throw .corrupt(reason: "cannot encode the configuration")
            }
            return
        }
        let envelope: CredentialsFile
        switch set.protection {
        case .permissionsOnly:
            envelope = CredentialsFile(format: CredentialsFile.formatName, protection: .permissionsOnly, notice: CredentialsFile.plainNotice, profiles: keys)
        case .passphrase:
            guard let phrase = set.passphrase else { throw .passphraseRequired }
            let parameters = ScryptParameters.fresh()
            let plain = (try? JSONEncoder().encode(keys)) ?? Data("{}".utf8)
            let sealed = try CredentialCipher.seal(plain, passphrase: phrase, parameters: parameters)
            envelope = CredentialsFile(
                format: CredentialsFile.formatName, protection: .passphrase, notice: CredentialsFile.sealedNotice,
                kdf: parameters, cipher: CredentialCipher.cipherName, sealed: sealed.base64EncodedString()
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let toml = try document.render()
            try SecureFile.write(Data(toml.utf8), to: locations.profilesFile)
            var json = try encoder.encode(envelope)
            json.append(0x0A)
            try SecureFile.write(json, to: locations.credentialsFile)
        } catch let error as SecureFileError {
            throw .file(error)
        } catch {
            throw .corrupt(reason: "cannot encode the configuration")
        }
    }

    /// A decoding failure as "profiles.work.theme: expected a string" (no value is echoed).
    /// Every leaf of config.toml is a string and every other key a table.
    /// The switches of config.toml, by table: `[alerts] bell`, `flash`; `[ui] mouse`.
    static let booleanKeys: [String: Set<String>] = ["alerts": ["bell", "flash"], "ui": ["mouse"]]

    static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return "not valid"
        }
        let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        guard let last = keys.last else { return "not valid" }
        if keys.count == 2, let table = keys.first, Self.booleanKeys[table]?.contains(last) == true { return "\(table).\(last): expected true or false" }
        let leaves: Set<String> = ["active", "theme", "enterprise_url", "synvo_url"]
        let isLeaf = leaves.contains(last) && !(keys.count == 2 && keys.first == "profiles")
        return Sanitizer.clean(keys.joined(separator: ".")) + (isLeaf ? ": expected a string" : ": expected a table")
    }

    private func readProfiles() throws(CredentialStoreError) -> String? {
        do {
            return try SecureFile.readPrivate(locations.profilesFile, forbidden: 0o022).map { String(decoding: $0, as: UTF8.self) }
        } catch {
            throw .file(error)
        }
    }

    private func readCredentials() throws(CredentialStoreError) -> Data? {
        do {
            return try SecureFile.readPrivate(locations.credentialsFile)
        } catch {
            throw .file(error)
        }
    }

    private func decodeEnvelope(_ data: Data) throws(CredentialStoreError) -> CredentialsFile {
        guard let envelope = try? JSONDecoder().decode(CredentialsFile.self, from: data) else {
            throw .corrupt(reason: "\(locations.credentialsFile) is not a synq credentials file")
        }
        guard envelope.format == CredentialsFile.formatName else { throw .corrupt(reason: "unknown format \"\(envelope.format)\"") }
        return envelope
    }
}
