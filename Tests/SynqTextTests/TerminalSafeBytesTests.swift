import Foundation
import Testing
import SynqText

@Suite struct TerminalSafeBytesTests {
    /// What `escaped` must make of one scalar, spelled from `Sanitizer.isUnsafe` alone.
    static func append(expected scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        guard scalar.value >= 0x7F, Sanitizer.isUnsafe(scalar) else { return UTF8.encode(scalar) { bytes.append($0) } }
        bytes.append(contentsOf: String(format: "\\u%04x", scalar.value).utf8)
    }

    /// Every Unicode scalar, in blocks of 4,096 between ASCII brackets: the byte filter
    /// escapes exactly the scalars from U+007F up that the sanitizer calls unsafe, and
    /// passes every other one through byte for byte.
    @Test func escapesExactlyWhatTheSanitizerCallsUnsafe() throws {
        var escapedCount = 0
        for blockStart in stride(from: UInt32(0), through: 0x10FFFF, by: 4096) {
            var input: [UInt8] = []
            var want: [UInt8] = []
            for value in blockStart..<min(blockStart + 4096, 0x110000) {
                guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
                input.append(UInt8(ascii: "<"))
                UTF8.encode(scalar) { input.append($0) }
                want.append(UInt8(ascii: "<"))
                let before = want.count
                Self.append(expected: scalar, to: &want)
                if want[before] == UInt8(ascii: "\\") { escapedCount += 1 }
            }
            let got = [UInt8](TerminalSafeBytes.escaped(Data(input)))
            if got != want {
                let firstDifference = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
                Issue.record("block U+\(String(blockStart, radix: 16)): first difference at byte \(firstDifference)")
            }
        }
        let unsafeFromDEL = Sanitizer.unsafeScalars.reduce(0) { $0 + $1.clamped(to: 0x7F...0x10FFFF).count }
        #expect(escapedCount == unsafeFromDEL, "every unsafe scalar from U+007F up, and no other, is escaped")
    }

    @Test func controlCharactersBelowDELAreTheWritersOwnAndPass() {
        let text = Data("a\tb\nc\u{1B}".utf8)
        #expect(TerminalSafeBytes.escaped(text) == text)
    }

    @Test func malformedUTF8PassesWithoutHidingAnUnsafeScalarAfterIt() {
        // A lone continuation byte and a cut lead byte, then U+009B (CSI) right after.
        let input = Data([0x80, 0xE2, 0x80, 0x41, 0xC2, 0x9B])
        let expected = Data([0x80, 0xE2, 0x80, 0x41]) + Data(#"\u009b"#.utf8)
        #expect(TerminalSafeBytes.escaped(input) == expected)
    }

    @Test func theEscapedJSONStillDecodesToTheServersText() throws {
        let name = "evil\u{7F}\u{85}\u{9B}31m\u{202E}\u{2066}\u{FEFF}end 東京"
        let data = try JSONEncoder().encode(["name": name])
        let escaped = TerminalSafeBytes.escaped(data)
        #expect(!String(decoding: escaped, as: UTF8.self).unicodeScalars.contains { $0.value >= 0x7F && Sanitizer.isUnsafe($0) })
        #expect(try JSONDecoder().decode([String: String].self, from: escaped)["name"] == name)
    }
}
