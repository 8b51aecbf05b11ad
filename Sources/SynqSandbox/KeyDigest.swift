import Crypto
import Foundation

/// What the sandbox stores instead of a Synvo key: its SHA-256, hex. A presented key is
/// looked up by digest, so a key created through the API authenticates afterwards while
/// its plaintext cannot be read back from the database.
enum KeyDigest {
    static func hex(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
