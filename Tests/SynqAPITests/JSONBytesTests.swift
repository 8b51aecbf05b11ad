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

    /// Strings are looked at eight bytes at a time: a byte that needs escaping (or is above
    /// ASCII) at every place of strings of 0 to 25 bytes, and nothing written past the bound.
    @Test func aSpecialByteAtEveryPlaceOfAWordIsEscaped() throws {
        let specials: [UInt8] = [0x00, 0x01, 0x08, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0x2F, 0x20, 0x7E, 0x21, 0x5B, 0x5D]
        for length in 0...25 {
            for place in 0..<max(length, 1) {
                for special in specials {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 { bytes[place] = special }
                    let text = String(decoding: bytes, as: UTF8.self)
                    var written: [UInt8] = []
                    let high = bytes.withUnsafeBufferPointer { JSONBytes.appendString($0, to: &written) }
                    #expect(written == (try encoded(text)), "\(length) bytes, \(special) at \(place)")
                    #expect(high == bytes.contains { $0 >= 0x7F })
                    // The bound holds: nothing past it is touched.
                    let bound = JSONBytes.stringBound(length)
                    var buffer = [UInt8](repeating: 0xEE, count: bound + 16)
                    let end = bytes.withUnsafeBufferPointer { text in
                        buffer.withUnsafeMutableBufferPointer { JSONBytes.writeString(text, to: $0.baseAddress!).end - $0.baseAddress! }
                    }
                    #expect(end <= bound && buffer[bound...].allSatisfy { $0 == 0xEE })
                }
            }
        }
        // Above ASCII: two-, three- and four-byte scalars across word edges are copied as they are.
        for prefix in 0..<9 {
            let text = String(repeating: "a", count: prefix) + "é字🚀\u{85}" + String(repeating: "b", count: prefix)
            var written: [UInt8] = []
            #expect(JSONBytes.appendString(text, to: &written))
            #expect(written == (try encoded(text)))
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
        // Runs of dates in order, as a list's are: the writer reuses the day it worked out.
        seconds += (0..<3000).map { 1_709_164_800 - 5_000 + Double($0 * 37) }
        var dates = JSONBytes.DateWriter()
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            var written: [UInt8] = []
            JSONBytes.appendDate(date, to: &written)
            let expected = try encoded(date)
            #expect(written == expected, "\(value)")
            // Written in place, as the list's writer does, within its bound.
            let bound = JSONBytes.dateBound(secondsSince1970: value)
            var buffer = [UInt8](repeating: 0xEE, count: bound + 8)
            let end = buffer.withUnsafeMutableBufferPointer { dates.write(secondsSince1970: value, to: $0.baseAddress!) - $0.baseAddress! }
            #expect(end == bound && Array(buffer[..<end]) == expected, "\(value)")
        }
    }
}
