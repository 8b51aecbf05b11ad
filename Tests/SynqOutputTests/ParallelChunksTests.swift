import Foundation
import SynqAPI
import Testing
@testable import synq

/// The headless list writers format chunks on every core: the bytes must be those of one
/// chunk after another, in order, whatever order the chunks finish in.
@Suite struct ParallelChunksTests {
    @Test func chunksThatFinishOutOfOrderAreWrittenInOrder() async {
        // The first chunks are the slowest: every later one is formatted before them.
        var out = CollectedOutput()
        await ParallelChunks.write(count: 12, to: &out) { chunk in
            if chunk < 3 { usleep(UInt32(3 - chunk) * 60_000) }
            return Array("[\(chunk)]".utf8)
        }
        #expect(out.text == (0..<12).map { "[\($0)]" }.joined())
        let mapped = await ParallelChunks.map(count: 12) { chunk in
            if chunk < 3 { usleep(UInt32(3 - chunk) * 60_000) }
            return chunk * 10
        }
        #expect(mapped == (0..<12).map { $0 * 10 })
    }

    @Test func noChunksAndOneChunk() async {
        var none = CollectedOutput()
        await ParallelChunks.write(count: 0, to: &none) { _ in [1] }
        #expect(none.bytes.isEmpty)
        var one = CollectedOutput()
        await ParallelChunks.write(count: 1, to: &one) { _ in [7, 8] }
        #expect(one.bytes == [7, 8])
    }

    /// A fleet of several chunks with hostile rows in more than one of them: names with
    /// quotes, backslashes, controls, C1 controls, wide and combining characters, no date.
    static let fleet: SynchronizerFleet = {
        let hostile = ["quote \" and \\ slash /", "tab\tnew\nline\u{7}", "c1 \u{85}\u{9b}31m", "界界 wide", "e\u{301} combining", "\u{202e}rtl"]
        var fleet = SynchronizerFleet()
        for row in 0..<(ParallelChunks.rowsPerChunk * 3 + 517) {
            let id = String(format: "%08x-0000-4000-8000-%012x", (row &* 2_654_435_761) & 0xFFFF_FFFF, row)
            let name: String = row % 997 == 5 ? hostile[row % hostile.count] : "relay-\(row)"
            let state: Bool? = row % 3 == 0 ? nil : row % 3 == 1
            let created: Date? = row % 11 == 0 ? nil : Date(timeIntervalSince1970: 1_700_000_000 + Double(row) * 61)
            fleet.append(Synchronizer(id: id, key: "key-\(row)", name: name, isEnabled: state, createdAt: created))
        }
        return fleet
    }()

    @Test func theFleetsJSONOnEveryCoreIsOneChunkAfterAnother() async {
        let fleet = Self.fleet
        let everyOther = fleet.indices.filter { $0 % 2 == 1 }
        for rows in [Array(fleet.indices), everyOther, []] {
            for pretty in [false, true] {
                var sequential = CollectedOutput()
                FleetJSON.write(fleet, rows: rows, skipped: 3, pretty: pretty, to: &sequential)
                var parallel = CollectedOutput()
                await FleetJSON.write(fleet, rows: rows, skipped: 3, pretty: pretty, toOutput: &parallel)
                #expect(firstDifference(parallel.bytes, sequential.bytes) == nil, "rows: \(rows.count), pretty: \(pretty)")
            }
        }
        // And the sequential writer is still the encoder's shape, row for row.
        var written = CollectedOutput()
        FleetJSON.write(fleet, rows: Array(fleet.indices), skipped: 0, pretty: false, to: &written)
        struct Shape: Decodable { var skipped: Int; var synchronizers: [Synchronizer] }
        let decoded = try? JSONCoding.decoder().decode(Shape.self, from: Data(written.bytes))
        #expect(decoded?.synchronizers.map(\.id) == fleet.map(\.id))
    }

    @Test func theFleetsTableOnEveryCoreIsOneChunkAfterAnother() async {
        let fleet = Self.fleet
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let rows = Array(fleet.indices)
        var sequential = CollectedOutput()
        TextTable.write(SynchronizerTable.tableColumns, SynchronizerTable.Cells(fleet: fleet, rows: rows, now: now), to: &sequential)
        var parallel = CollectedOutput()
        await SynchronizerTable.write(fleet, rows: rows, now: now, to: &parallel)
        #expect(firstDifference(parallel.bytes, sequential.bytes) == nil)
        #expect(sequential.text.split(separator: "\n").count == rows.count + 1)
    }

    /// Where two outputs first differ (nil when equal): a short failure, not a diff of megabytes.
    private func firstDifference(_ left: [UInt8], _ right: [UInt8]) -> Int? {
        if left == right { return nil }
        return zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
    }
}
