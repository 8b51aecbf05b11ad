import Foundation
import SynqConfig
import Testing

@Suite("synchronizer-cli config.json")
struct SynchronizerConfigTests {
    @Test("syncHash is synq- and the first 12 hex digits of sha256(userName:hostname:secret)")
    func syncHash() {
        // Vector computed independently: python3 -c "import hashlib;print(hashlib.sha256(b'alice:host-1:0011223344556677').hexdigest()[:12])"
        #expect(SynchronizerConfig.syncHash(userName: "alice", hostname: "host-1", secret: "0011223344556677") == "synq-fd11f8b96a8a")
    }

    @Test("the secret is 8 random bytes in hex")
    func secret() {
        let a = SynchronizerConfig.randomSecret()
        let b = SynchronizerConfig.randomSecret()
        #expect(a.count == 16 && a.allSatisfy(\.isHexDigit))
        #expect(a != b)
    }

    @Test("the JSON has the synchronizer-cli field names and masks every secret in its masked form")
    func fields() throws {
        let config = SynchronizerConfig(userName: "edge-1", key: "b1df0d63-83b3-478d-a55f-a6c402e74185", wallet: "0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE",
                                        secret: "0011223344556677", hostname: "edge-1.example", dashboardPassword: "hunter22", synchronizerId: "id-1")
        let object = try #require(try JSONSerialization.jsonObject(with: config.encoded()) as? [String: Any])
        #expect(Set(object.keys) == ["userName", "key", "wallet", "secret", "hostname", "syncHash", "depin", "launcher", "dashboardPassword", "synchronizerId"])
        #expect(object["depin"] as? String == "wss://api.multisynq.io/depin")
        #expect(object["launcher"] as? String == "cli")
        let masked = config.maskedJSON()
        for secret in ["b1df0d63-83b3-478d-a55f-a6c402e74185", "0011223344556677", "hunter22"] { #expect(!masked.contains(secret)) }
        #expect(masked.contains(config.syncHash) && masked.contains(config.wallet))
    }

    @Test("a hostname becomes a plain synchronizer name")
    func derivedName() {
        #expect(HostInfo(hostname: "web-01.prod.example.com", dockerPlatform: "linux/amd64", userName: "u").derivedSynchronizerName == "web-01")
        #expect(HostInfo(hostname: "ünïcode_host", dockerPlatform: "linux/amd64", userName: "u").derivedSynchronizerName == "n-code-host")
        #expect(HostInfo(hostname: "", dockerPlatform: "linux/amd64", userName: "u").derivedSynchronizerName == "synq-host")
    }
}
