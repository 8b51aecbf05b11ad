import Crypto
import Foundation
import SynqAPI

/// `~/.synchronizer-cli/config.json`, field for field as the Node `synchronize` CLI writes
/// it, so its users can switch both ways. We write it 0600 in a 0700 folder; the CLI did not.
public struct SynchronizerConfig: Codable, Sendable, Equatable {
    public var userName: String
    /// The synq key of this host's synchronizer.
    public var key: String
    public var wallet: String
    /// 8 random bytes, hex; with userName and hostname it fixes `syncHash`.
    public var secret: String
    public var hostname: String
    public var syncHash: String
    public var depin: String
    public var launcher: String
    public var dashboardPassword: String?
    public var enterpriseApiKey: String?
    public var synchronizerId: String?

    public static let defaultDepin = "wss://api.multisynq.io/depin"

    public init(userName: String, key: String, wallet: String, secret: String, hostname: String,
                depin: String = SynchronizerConfig.defaultDepin, launcher: String = "cli",
                dashboardPassword: String? = nil, enterpriseApiKey: String? = nil, synchronizerId: String? = nil) {
        self.userName = userName
        self.key = key
        self.wallet = wallet
        self.secret = secret
        self.hostname = hostname
        self.syncHash = Self.syncHash(userName: userName, hostname: hostname, secret: secret)
        self.depin = depin
        self.launcher = launcher
        self.dashboardPassword = dashboardPassword
        self.enterpriseApiKey = enterpriseApiKey
        self.synchronizerId = synchronizerId
    }

    /// `synq-` + the first 12 hex digits of sha256("userName:hostname:secret").
    public static func syncHash(userName: String, hostname: String, secret: String) -> String {
        let digest = SHA256.hash(data: Data("\(userName):\(hostname):\(secret)".utf8))
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        return "synq-" + hex.prefix(12)
    }

    /// 8 random bytes as 16 lowercase hex digits.
    public static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<8).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// The file's JSON: pretty, keys sorted, no escaped slashes (the depin URL stays readable).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// The same JSON with every secret replaced by a mask, for `--dry-run` and messages.
    public func maskedJSON() -> String {
        var copy = self
        copy.key = Secret(key).masked
        copy.secret = Secret(secret).masked
        copy.dashboardPassword = dashboardPassword.map { Secret($0).masked }
        copy.enterpriseApiKey = enterpriseApiKey.map { Secret($0).masked }
        let data = (try? copy.encoded()) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
