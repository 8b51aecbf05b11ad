import Foundation
import SynqAPI
import SynqConfig
import SynqFiles
import SynqTestSupport
import Testing

/// A fixed passphrase, as SYNQ_PASSPHRASE would give.
struct FixedPassphrase: PassphraseSource {
    var value: String
    func passphrase(confirm: Bool) throws -> Secret { Secret(value) }
}

@Suite("Credential store: profiles, permissions, encryption")
struct CredentialStoreTests {
    static let enterpriseKey = "ent_live_9a8b7c6d5e4f3a2b1c0d"
    static let synvoKey = "sk_live_0f1e2d3c4b5a69788796"

    func sampleSet() throws -> ProfileSet {
        var set = ProfileSet()
        try set.put(Profile(name: "production", enterpriseURL: "https://startsynqing.com/api", synvoURL: "https://api.synvo.ai",
                            enterpriseKey: Secret(Self.enterpriseKey), synvoKey: Secret(Self.synvoKey)))
        try set.put(Profile(name: "sandbox", enterpriseURL: "http://127.0.0.1:3000/api", synvoURL: "http://127.0.0.1:3000"))
        set.activeName = "production"
        return set
    }

    @Test("without a passphrase the keys round-trip, files are 0600 in a 0700 folder, and the file says it is not encrypted")
    func plainRoundTrip() throws {
        let home = try ScratchHome()
        let store = CredentialStore(locations: home.locations)
        try store.save(try sampleSet())
        let loaded = try store.load(passphrase: nil)
        #expect(loaded == (try sampleSet()))
        #expect(loaded.protection == .permissionsOnly)
        #expect(SecureFile.mode(of: home.locations.configDirectory) == 0o700)
        #expect(SecureFile.mode(of: home.locations.credentialsFile) == 0o600)
        #expect(SecureFile.mode(of: home.locations.profilesFile) == 0o600)
        let text = ScratchHome.contents(home.locations.credentialsFile)
        #expect(text.contains("NOT ENCRYPTED"))
        #expect(text.contains("protected by file permissions only"))
        #expect(!ScratchHome.contents(home.locations.profilesFile).contains(Self.enterpriseKey))
    }

    @Test("with a passphrase the file holds no key, and the right passphrase opens it")
    func encryptedRoundTrip() throws {
        let home = try ScratchHome()
        let store = CredentialStore(locations: home.locations)
        var set = try sampleSet()
        set.encrypt(with: "correct horse battery staple")
        try store.save(set)
        let text = ScratchHome.contents(home.locations.credentialsFile)
        #expect(!text.contains(Self.enterpriseKey) && !text.contains(Self.synvoKey))
        #expect(text.contains("scrypt") && text.contains("chacha20-poly1305"))
        #expect(try store.protection() == .passphrase)
        let loaded = try store.load(passphrase: FixedPassphrase(value: "correct horse battery staple"))
        #expect(try loaded.profile(named: "production").enterpriseKey == Secret(Self.enterpriseKey))
        #expect(try loaded.profile(named: "production").synvoKey == Secret(Self.synvoKey))
        #expect(loaded.protection == .passphrase)
    }

    @Test("a wrong passphrase is a clear error, never garbage")
    func wrongPassphrase() throws {
        let home = try ScratchHome()
        let store = CredentialStore(locations: home.locations)
        var set = try sampleSet()
        set.encrypt(with: "right")
        try store.save(set)
        #expect(throws: CredentialStoreError.wrongPassphrase) { try store.load(passphrase: FixedPassphrase(value: "wrong")) }
        #expect(CredentialStoreError.wrongPassphrase.description.contains("wrong passphrase"))
    }

    @Test("a tampered KDF header fails authentication instead of decrypting")
    func tamperedHeader() throws {
        let home = try ScratchHome()
        let store = CredentialStore(locations: home.locations)
        var set = try sampleSet()
        set.encrypt(with: "right")
        try store.save(set)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: home.locations.credentialsFile))) as? [String: Any])
        var kdf = try #require(object["kdf"] as? [String: Any])
        kdf["logN"] = 14
        object["kdf"] = kdf
        try SecureFile.write(try JSONSerialization.data(withJSONObject: object), to: home.locations.credentialsFile)
        #expect(throws: CredentialStoreError.wrongPassphrase) { try store.load(passphrase: FixedPassphrase(value: "right")) }
    }

    @Test("loading without a passphrase leaves encrypted keys sealed, and saving profiles then keeps them")
    func profilesOnlySave() throws {
        let home = try ScratchHome()
        let store = CredentialStore(locations: home.locations)
        var set = try sampleSet()
        set.encrypt(with: "right")
        try store.save(set)
        var partial = try store.load(passphrase: nil)
        #expect(!partial.keysLoaded)
        #expect(try partial.profile(named: "production").enterpriseKey == nil)
        partial.activeName = "sandbox"
        try store.save(partial)
        let full = try store.load(passphrase: FixedPassphrase(value: "right"))
        #expect(full.activeName == "sandbox")
        #expect(try full.profile(named: "production").enterpriseKey == Secret(Self.enterpriseKey))
    }

    @Test("a profile with no URL or theme survives a rewrite of config.toml (found by the config fuzz target)")
    func emptyProfileKept() throws {
        let home = try ScratchHome()
        try FileManager.default.createDirectory(atPath: home.locations.configDirectory, withIntermediateDirectories: true)
        let text = "active = \"w.1\"\n[profiles.\"w.1\"]\n[profiles.sandbox]\nenterprise_url = \"http://127.0.0.1:3000/api\"\n"
        _ = FileManager.default.createFile(atPath: home.locations.profilesFile, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        let store = CredentialStore(locations: home.locations)
        let set = try store.loadProfiles()
        #expect(set.profiles.keys.sorted() == ["sandbox", "w.1"])
        try store.save(set)
        let again = try store.loadProfiles()
        #expect(again.profiles.keys.sorted() == ["sandbox", "w.1"], "config.toml now:\n\(ScratchHome.contents(home.locations.profilesFile))")
        #expect(again.activeName == "w.1")
        #expect(again == set)
    }

    @Test("a credentials file readable by others is refused with the fix")
    func looseCredentials() throws {
        let home = try ScratchHome()
        let store = CredentialStore(locations: home.locations)
        try store.save(try sampleSet())
        chmod(home.locations.credentialsFile, 0o644)
        do {
            _ = try store.load(passphrase: nil)
            Issue.record("loose credentials were read")
        } catch let error as CredentialStoreError {
            #expect(error.description.contains("chmod 600 \(home.locations.credentialsFile)"))
        }
    }

    @Test("decrypting goes back to permissions-only with the same keys")
    func decrypt() throws {
        let home = try ScratchHome()
        let store = CredentialStore(locations: home.locations)
        var set = try sampleSet()
        set.encrypt(with: "right")
        try store.save(set)
        var opened = try store.load(passphrase: FixedPassphrase(value: "right"))
        opened.decrypt()
        try store.save(opened)
        #expect(try store.protection() == .permissionsOnly)
        #expect(try store.load(passphrase: nil) == (try sampleSet()))
    }

    @Test("an unknown profile is an error naming it; the default profile may be empty")
    func profiles() throws {
        let set = ProfileSet()
        #expect(try set.profile().name == "default")
        #expect(throws: CredentialStoreError.profileNotFound("staging")) { try set.profile(named: "staging") }
        var other = ProfileSet()
        #expect(throws: CredentialStoreError.invalidProfileName("bad name")) { try other.put(Profile(name: "bad name")) }
    }

    @Test("XDG_CONFIG_HOME decides the folder, else ~/.config")
    func locations() {
        #expect(ConfigLocations(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x"]).configDirectory == "/x/synq")
        #expect(ConfigLocations(environment: ["HOME": "/h"]).configDirectory == "/h/.config/synq")
        #expect(ConfigLocations(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "relative"]).configDirectory == "/h/.config/synq")
        #expect(ConfigLocations(environment: ["HOME": "/h"]).synchronizerConfigFile == "/h/.synchronizer-cli/config.json")
    }
}
