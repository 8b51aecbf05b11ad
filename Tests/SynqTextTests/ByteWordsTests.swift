import Testing
import SynqText

/// The eight-bytes-at-a-time tests answer exactly what a byte-by-byte look answers, for every
/// byte at every place and for words holding several special bytes at once (where the
/// borrows of the has-less-than trick could hide one).
@Suite struct ByteWordsTests {
    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    static func isPrintable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    @Test func everyByteAtEveryPlace() {
        for place in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[place] = UInt8(value)
                let word = Self.word(bytes)
                #expect((ByteWords.nonPrintable(word) != 0) == !Self.isPrintable(UInt8(value)), "byte \(value) at \(place)")
                #expect((ByteWords.matches(UInt8(ascii: "\""), in: word) != 0) == (value == 0x22), "byte \(value) at \(place)")
                #expect((ByteWords.matches(UInt8(ascii: "\\"), in: word) != 0) == (value == 0x5C), "byte \(value) at \(place)")
            }
        }
    }

    @Test func wordsOfManySpecialBytes() {
        // Bytes next to each class's edges, mixed eight at a time.
        let edges: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0x81, 0xA0, 0xFE, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in edges.randomElement(using: &generator)! }
            let word = Self.word(bytes)
            #expect((ByteWords.nonPrintable(word) != 0) == !bytes.allSatisfy(Self.isPrintable), "\(bytes)")
            #expect((ByteWords.matches(0x22, in: word) != 0) == bytes.contains(0x22), "\(bytes)")
            #expect((ByteWords.matches(0x5C, in: word) != 0) == bytes.contains(0x5C), "\(bytes)")
        }
    }

    @Test func textOfEveryLengthWithOneByteOutOfPlace() {
        for length in 0..<25 {
            let plain = [UInt8](repeating: UInt8(ascii: "x"), count: length)
            #expect(plain.withUnsafeBufferPointer(ByteWords.isPrintableASCII))
            for place in 0..<length {
                for bad: UInt8 in [0x00, 0x1F, 0x7F, 0x80, 0xC3] {
                    var bytes = plain
                    bytes[place] = bad
                    #expect(!bytes.withUnsafeBufferPointer(ByteWords.isPrintableASCII), "\(bad) at \(place) of \(length)")
                }
            }
        }
    }
}
