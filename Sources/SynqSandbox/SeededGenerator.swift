/// A small deterministic random number generator (SplitMix64), so a seed always produces the
/// same fleet (and a failing random test case is the same on every run); the standard library
/// offers only the system generator, which cannot be seeded.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Lower-case hex digits, for UUID-shaped ids and synq keys.
    mutating func hex(_ count: Int) -> String {
        var bits = next()
        var left = 16
        var bytes = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            if left == 0 {
                bits = next()
                left = 16
            }
            bytes[index] = Self.hexDigits[Int(bits & 15)]
            bits >>= 4
            left -= 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// An id shaped like a UUID (8-4-4-4-12), though clients must treat it as opaque.
    mutating func uuidShaped() -> String {
        "\(hex(8))-\(hex(4))-\(hex(4))-\(hex(4))-\(hex(12))"
    }

    mutating func alphanumeric(_ count: Int) -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let bytes = (0..<count).map { _ in characters[Int(next() % UInt64(characters.count))] }
        return String(decoding: bytes, as: UTF8.self)
    }
}
