import Foundation

/// Scalars for hand-written YAML. Every value is emitted double-quoted through JSON string
/// escaping (a JSON string is a valid YAML double-quoted scalar), so `0x…` wallets stay
/// strings and a hostile name cannot break the document's structure.
enum YAMLText {
    static func quote(_ value: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A Kubernetes object name: lowercase letters, digits and '-', at most 52 characters so
    /// StatefulSet pod names (`name-N`) stay within the 63-character label limit.
    static func dnsLabel(_ text: String) -> String {
        let lowered = text.lowercased().unicodeScalars.map { scalar -> Character in
            (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "-"
        }
        var name = String(lowered)
        while name.contains("--") { name = name.replacingOccurrences(of: "--", with: "-") }
        name = String(name.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(52))
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return name.isEmpty ? "synq" : name
    }
}
