import Foundation
import SynqAPI
import SynqConfig
import SynqFiles
import SynqTerminal
import SynqTestSupport
import Testing

/// The credential store's cost bounds and passphrase rule (issue 9, should-fix items).
@Suite("Credential store: scrypt cost and passphrase length")
struct CredentialHardeningTests {
    @Test("new files use scrypt cost 2^17 or more")
    func newFilesAreCostly() throws {
        let home = try ScratchHome()
        var set = ProfileSet()
        try set.put(Profile(name: "p", synvoKey: Secret("sk_live_0f1e2d3c4b5a69788796")))
        set.encrypt(with: "correct horse battery staple")
        try CredentialStore(locations: home.locations).save(set)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: home.locations.credentialsFile))) as? [String: Any]
        let kdf = try #require(json?["kdf"] as? [String: Any])
        #expect((kdf["logN"] as? Int ?? 0) >= 17, "kdf: \(kdf)")
    }

    @Test("a crafted file asking for gigabytes is refused before any derivation", arguments: [(20, 32, 4), (18, 16, 1), (17, 8, 4), (21, 8, 1)])
    func craftedParametersAreRefused(logN: Int, r: Int, p: Int) throws {
        let home = try ScratchHome()
        try FileManager.default.createDirectory(atPath: home.locations.configDirectory, withIntermediateDirectories: true)
        chmod(home.locations.configDirectory, 0o700)
        let salt = Data(repeating: 7, count: 16).base64EncodedString()
        let sealed = Data(repeating: 1, count: 64).base64EncodedString()
        let file = """
        {"format":"synq-credentials/1","protection":"passphrase","notice":"x","cipher":"chacha20-poly1305","sealed":"\(sealed)",
         "kdf":{"algorithm":"scrypt","logN":\(logN),"r":\(r),"p":\(p),"salt":"\(salt)"}}
        """
        try SecureFile.write(Data(file.utf8), to: home.locations.credentialsFile)
        #expect(throws: CredentialStoreError.corrupt(reason: "unsupported key-derivation parameters")) {
            try CredentialStore(locations: home.locations).load(passphrase: FixedPassphrase(value: "whatever it is"))
        }
    }

    @Test("a passphrase shorter than 8 characters is refused when the keys are first encrypted, not when opened")
    func shortPassphrase() throws {
        #expect(throws: PromptError.tooShort("passphrase", minimum: 8)) {
            try LivePassphraseSource(environment: ["SYNQ_PASSPHRASE": "short"], prompts: false).passphrase(confirm: true)
        }
        #expect(try LivePassphraseSource(environment: ["SYNQ_PASSPHRASE": "long enough"], prompts: false).passphrase(confirm: true) == Secret("long enough"))
        // An older file may have a short one: opening still works.
        #expect(try LivePassphraseSource(environment: ["SYNQ_PASSPHRASE": "pw"], prompts: false).passphrase(confirm: false) == Secret("pw"))
    }
}
