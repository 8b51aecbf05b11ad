import Foundation
import SynqAPI
import SynqText
import Testing
@testable import synq

/// `synchronizers list --json` writes each chunk through a pointer into a buffer sized from the
/// rows' lengths: the bytes must be the encoder's, made terminal-safe, for rows that take the
/// most room (every byte escaped, by JSON or for the terminal) as for plain ones.
@Suite struct FleetJSONTests {
    private struct Reference: Encodable {
        var synchronizers: [SynchronizerJSON]
        var skipped: Int
    }

    /// Rows whose escaped text is as long as a row's can be: C0 controls (six bytes each),
    /// C1 controls and astral scalars (three bytes for each of theirs, for the terminal), the
    /// bidi overrides, next to plain rows, non-canonical keys and ids, and dates outside
    /// 0000–9999, which Foundation writes.
    static let fleet: SynchronizerFleet = {
        let worst = [String(repeating: "\u{1}", count: 40), String(repeating: "\u{85}", count: 33), String(repeating: "🚀", count: 21),
                     String(repeating: "\u{202e}", count: 17), "\u{1b}[31m\u{9b}2J\"\\\u{7f}", "é" + String(repeating: "\u{1f}\u{85}", count: 9)]
        let dates: [Double?] = [nil, 0, -62_167_219_201, 253_402_300_800, 1e12, -1e12, 1_700_000_000.5]
        var fleet = SynchronizerFleet()
        for row in 0..<200 {
            let uuid = String(format: "%08x-0000-4000-8000-%012x", (row &* 2_654_435_761) & 0xFFFF_FFFF, row)
            let id = row % 5 == 0 ? uuid.uppercased() : uuid
            let key = row % 4 == 0 ? worst[row % worst.count] : row % 4 == 1 ? "key-\(row)" : uuid
            let name = row % 3 == 0 ? worst[row % worst.count] : "relay-\(row)"
            let state: Bool? = row % 3 == 0 ? nil : row % 3 == 1
            let created = dates[row % dates.count].map { Date(timeIntervalSince1970: $0) }
            fleet.append(Synchronizer(id: id, key: key, name: name, isEnabled: state, createdAt: created))
        }
        return fleet
    }()

    @Test func everyRowIsTheEncodersBytesMadeTerminalSafe() throws {
        let fleet = Self.fleet
        for rows in [Array(fleet.indices), fleet.indices.filter { $0 % 3 == 0 }, [fleet.count - 1], []] {
            for pretty in [false, true] {
                var written = CollectedOutput()
                FleetJSON.write(fleet, rows: rows, skipped: 2, pretty: pretty, to: &written)
                let reference = Reference(synchronizers: rows.map { SynchronizerJSON(synchronizer: fleet[$0]) }, skipped: 2)
                var expected = try JSONCoding.encoder(pretty: pretty).encode(reference)
                expected.append(0x0A)
                let safe = [UInt8](TerminalSafeBytes.escaped(expected))
                #expect(written.bytes == safe, "rows: \(rows.count), pretty: \(pretty), first difference at \(firstDifference(written.bytes, safe) ?? -1)")
            }
        }
    }

    private func firstDifference(_ left: [UInt8], _ right: [UInt8]) -> Int? {
        if left == right { return nil }
        return zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
    }
}
