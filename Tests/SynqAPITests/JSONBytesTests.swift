import Foundation
@testable import SynqAPI
import SynqSandbox
import Testing

/// `JSONBytes` writes a million rows without `Codable`; every byte must be the encoder's.
@Suite struct JSONBytesTests {
    private func encoded<T: Encodable>(_ value: T) throws -> [UInt8] { Array(try JSONCoding.encoder().encode([value]).dropFirst().dropLast()) }

    @Test func everyASCIIByteIsEscapedAsTheEncoderEscapesIt() throws {
        for byte in UInt8(0)..<0x80 {
            let text = "a\(Character(Unicode.Scalar(byte)))b"
            var written: [UInt8] = []
            JSONBytes.appendString(text, to: &written)
            #expect(written == (try encoded(text)), "byte \(byte)")
        }
    }

    @Test func hostileAndRandomTextIsWrittenAsTheEncoderWritesIt() throws {
        var texts = [#"quote " back\slash / </script> \u0041"#, "\u{1b}[31mred\u{7}\u{0}", "日本語 Ünïcödé 🚀 \u{2028}\u{2029}\u{202e}", "\u{7f}\u{85}\u{9b}", ""]
        var random = SeededGenerator(seed: 0x15_0B17E5)
        let pieces: [String] = ["\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1f}", "\u{7f}", "é", "字", "🚀", "a", "Z", " ", "\u{feff}"]
        for _ in 0..<2000 {
            texts.append((0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            var written: [UInt8] = []
            let high = JSONBytes.appendString(text, to: &written)
            #expect(written == (try encoded(text)), "\(text.debugDescription)")
            #expect(high == text.utf8.contains { $0 >= 0x7F })
        }
    }

    /// Random instants from year 0 to 9999 and the edges: 1970, leap days, the last second of
    /// 9999, and the years Foundation writes itself.
    @Test func datesAreWrittenAsTheEncodersDateStrategyWritesThem() throws {
        var seconds: [Double] = [0, -1, 0.999, -0.5, 951_782_400, 951_868_799, 1_709_164_800.75, 4_107_542_399,
                                 253_402_300_799, 253_402_300_799.9, 253_402_300_800, -62_167_219_200, -62_167_219_201, 1e12, -1e12]
        var random = SeededGenerator(seed: 0xDA7E_5EED)
        let earliest: Int64 = -62_167_219_200, latest: Int64 = 253_402_300_799
        for _ in 0..<20_000 {
            let whole = earliest + Int64(random.next() % UInt64(latest - earliest))
            seconds.append(Double(whole) + (random.next() % 2 == 0 ? 0 : Double(random.next() % 1000) / 1000))
        }
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            var written: [UInt8] = []
            JSONBytes.appendDate(date, to: &written)
            #expect(written == (try encoded(date)), "\(value)")
        }
    }
}
