import Foundation
import Testing
@testable import SynqViewModel

/// The compact natural keys order exactly as the padded ones `SortKey.natural` defines, and
/// the radix sort of a key buffer orders exactly as comparing whole keys does.
@Suite struct SortKeyBufferTests {
    /// Texts where the two definitions could part: leading zeros, runs just under, at and past
    /// the padding width, runs of zeros only followed by punctuation, letters, the end or
    /// more digits, non-ASCII digits (not numbers here), letters that fold, equal names.
    static let hostile: [String] = {
        let width = SortKey.numberWidth
        var texts = ["", "0", "00", "000", "7", "07", "007", "0007", "70", "700", "a", "a0", "a00", "a0-", "a00-", "a0a", "a00a",
                     "a1", "a01", "a001", "a1a", "a01a", "a10", "a9", "a09", "node-2", "node-02", "node-10", "Node-2", "node-2a",
                     "a-", "a/", "a:", "a.", "a ", "a0 ", "a0.", "a0/", "a0:", "a0\u{7F}", "x0é", "x0\u{0}", "\u{0}", "a\u{0}1",
                     "rack 3 node 12", "rack 3 node 4", "ÉCLAIR-2", "éclair-10", "Zürich 9", "zürich 10", "İstanbul 3",
                     "٣", "a٣", "a3", "a03", "a٠٣", "２", "a２", "prod-relay-us-east-1-07", "prod-relay-us-east-1-7", "PROD-relay-us-east-01-07"]
        for length in [width - 2, width - 1, width, width + 1, width + 5, 300] {
            for lead in ["", "0", "00", "1"] {
                let zeros = String(repeating: "0", count: length)
                let nines = String(repeating: "9", count: length)
                texts += ["a" + lead + zeros, "a" + lead + zeros + "-", "a" + lead + zeros + "b", "a" + lead + zeros + "1",
                          "a" + lead + nines, "a" + lead + nines + "-", "a" + lead + "1" + zeros, "a" + zeros + "b" + lead]
            }
        }
        return texts
    }()

    /// The padded key's bytes: what the natural order compares.
    static func padded(_ text: String) -> [UInt8] {
        guard case .text(let key) = SortKey.natural(text) else { return [] }
        return Array(key.utf8)
    }

    /// The compact key, through the buffer (which folds) as the fleet's ordering builds it.
    static func compact(_ texts: [String]) -> SortKeyBuffer {
        let keys = SortKeyBuffer(rows: texts.count, bytes: 1)
        for text in texts {
            var text = text
            text.withUTF8 { keys.append($0, natural: true) }
        }
        return keys
    }

    static func sign(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a == b ? 0 : a.lexicographicallyPrecedes(b) ? -1 : 1
    }

    @Test func compactNaturalKeysCompareAsThePaddedOnesOnHostileText() {
        let texts = Self.hostile
        let keys = Self.compact(texts)
        var mismatches: [String] = []
        for a in texts.indices {
            for b in texts.indices where Self.sign(keys.key(a), keys.key(b)) != Self.sign(Self.padded(texts[a]), Self.padded(texts[b])) {
                mismatches.append("\(texts[a].debugDescription) vs \(texts[b].debugDescription)")
            }
        }
        #expect(mismatches.count == 0, "first: \(mismatches.first ?? "")")
        // The point of them: shorter than the padded keys for names like the sandbox's.
        #expect(keys.key(texts.firstIndex(of: "prod-relay-us-east-1-07")!).count < Self.padded("prod-relay-us-east-1-07").count / 2 + 4)
    }

    @Test func compactNaturalKeysCompareAsThePaddedOnesOnRandomText() {
        var random = SplitMix(seed: 10)
        let alphabet = ["0", "0", "0", "1", "9", "5", "a", "A", "z", "-", " ", "/", ":", "é", "٣", "\u{0}"]
        let texts = (0..<600).map { _ in
            String((0..<Int(random.next() % 30)).map { _ in Character(alphabet[Int(random.next() % UInt64(alphabet.count))]) })
        }
        let keys = Self.compact(texts)
        var mismatches = 0
        for a in texts.indices {
            for b in texts.indices where Self.sign(keys.key(a), keys.key(b)) != Self.sign(Self.padded(texts[a]), Self.padded(texts[b])) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    /// Keys tied on their first eight bytes and beyond, ending inside, at and past an
    /// eight-byte step, with NUL bytes (zero padding must not make "ab" equal "ab\0"), equal
    /// keys (ties by row), enough rows for the radix passes and few enough for insertion.
    @Test func theRadixSortOrdersAsComparingWholeKeys() {
        var random = SplitMix(seed: 7)
        for rows in [0, 1, 2, 5, 47, 48, 49, 3_000] {
            let keys = SortKeyBuffer(rows: rows, bytes: 1)
            var texts: [[UInt8]] = []
            for _ in 0..<rows {
                let prefix = Array("samekey1-same-key".utf8.prefix(Int(random.next() % 18)))
                let tail = (0..<Int(random.next() % 12)).map { _ in [0, 0x61, 0x62, 0x7A][Int(random.next() % 4)] as UInt8 }
                let text = prefix + tail
                texts.append(text)
                text.withUnsafeBufferPointer { keys.append($0, natural: false) }
            }
            let ordering = keys.ordering()
            let reference = ColumnOrdering(keys: texts.map(ByteKey.init))
            #expect(ordering.order == reference.order, "\(rows) rows")
            #expect(ordering.rank == reference.rank, "\(rows) rows")
        }
    }
}

/// Bytes compared as bytes (a String would compare by Unicode, and "\0" is a byte here).
private struct ByteKey: Comparable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    static func < (a: ByteKey, b: ByteKey) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}

/// A small seeded generator, so a failure repeats.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
