import Foundation
import SynqAPI
import Testing

/// Ids and keys that are canonical UUIDs are kept as 16 bytes: only exactly canonical text
/// may be, and it must come back byte for byte, in the same order as text.
@Suite struct CanonicalUUIDTests {
    private func parse(_ text: String) -> CanonicalUUID? { CanonicalUUID(text) }

    @Test func randomUUIDsComeBackAsTheirText() throws {
        for _ in 0..<2_000 {
            let text = UUID().uuidString.lowercased()
            let uuid = try #require(parse(text), "\(text)")
            #expect(uuid.text == text)
            var bytes: [UInt8] = []
            uuid.append(to: &bytes)
            #expect(bytes == Array(text.utf8))
        }
        for text in ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                     "0123456789-abcdef"] where text.count == 36 {
            #expect(parse(text)?.text == text)
        }
        #expect(parse("00000000-0000-0000-0000-000000000000") == CanonicalUUID(high: 0, low: 0))
        #expect(parse("01234567-89ab-cdef-fedc-ba9876543210") == CanonicalUUID(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210))
    }

    @Test func everyDigitInEveryPlaceRoundTrips() throws {
        let digits = Array("0123456789abcdef")
        let places = (0..<36).filter { ![8, 13, 18, 23].contains($0) }
        for place in places {
            for digit in digits {
                var text = Array("00000000-0000-0000-0000-000000000000")
                text[place] = digit
                let string = String(text)
                #expect(try #require(parse(string)).text == string)
            }
        }
    }

    @Test func anyOtherTextIsNotCanonical() {
        let good = Array("9e3779b1-0001-4001-8000-000000000001".utf8)
        #expect(parse(String(decoding: good, as: UTF8.self)) != nil)
        // Every byte that is not a lower-case hex digit, in every digit place; every byte but a dash in every dash place.
        for place in good.indices {
            for byte in UInt8(0)...UInt8(255) {
                var text = good
                text[place] = byte
                let isDash = [8, 13, 18, 23].contains(place)
                let valid = isDash ? byte == UInt8(ascii: "-") : (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
                let parsed = text.withUnsafeBytes { CanonicalUUID(text: $0) }
                #expect((parsed != nil) == valid, "byte \(byte) at \(place)")
            }
        }
        for text in ["", "9e3779b1-0001-4001-8000-00000000000", "9e3779b1-0001-4001-8000-0000000000011", "9E3779B1-0001-4001-8000-000000000001",
                     "{9e3779b1-0001-4001-8000-000000000001}", "9e3779b100014001800000000000000001", "9e3779b1-0001-4001-8000000000000001-"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }

    @Test func orderAndPrefixAreTheTexts() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = (0..<500).map { _ in UUID().uuidString.lowercased() }
        // Alike in their first digits, so the low half and every digit decide some comparisons.
        texts += (0..<200).map { _ in "00000000-0000-0000-" + String(format: "%04x-%012llx", Int.random(in: 0..<3, using: &generator), UInt64.random(in: 0..<5, using: &generator)) }
        let uuids = try texts.map { try #require(parse($0)) }
        let byValue = zip(texts, uuids).sorted { $0.1 < $1.1 }.map(\.0)
        let byText = texts.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(byValue == byText)
        for (text, uuid) in zip(texts, uuids) {
            #expect(uuid.textPrefix == Array(text.utf8.prefix(8)).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
    }

    @Test func onlyHexDigitsAndDashesCanBeInAUUIDsText() {
        for (needle, can) in [("4f60", true), ("-8000-", true), ("9e3779b1-0001-4001-8000-000000000001", true),
                              ("9e3779b1-0001-4001-8000-0000000000011", false), ("prod", false), ("AB", false), ("a b", false), ("é", false)] {
            #expect(Array(needle.utf8).withUnsafeBytes { CanonicalUUID.textCanContain($0) } == can, "\(needle)")
        }
    }
}
