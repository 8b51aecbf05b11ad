import Foundation
import SynqAPI

/// Encodes a long array as compact JSON in slices, one task per core, and joins the
/// slices' bytes. `synq synchronizers list --json` spends most of its own time encoding
/// 100,000 rows; the bytes are exactly what `JSONEncoder` would write for the whole array.
enum SlicedArrayEncoder {
    /// Below this many elements one encoder is faster than starting tasks.
    static let sliceThreshold = 4096

    /// The elements of `items` encoded compactly and joined by commas, without brackets.
    static func elements<Item: Encodable & Sendable>(_ items: [Item]) async throws -> Data {
        let sliceCount = items.count < sliceThreshold ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let sliceSize = (items.count + sliceCount - 1) / max(sliceCount, 1)
        let slices = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for index in 0..<sliceCount {
                let range = min(index * sliceSize, items.count)..<min((index + 1) * sliceSize, items.count)
                let slice = Array(items[range])
                group.addTask {
                    let encoded = try JSONCoding.encoder(pretty: false).encode(slice)
                    return (index, encoded.dropFirst().dropLast())  // the slice's own [ and ]
                }
            }
            var slices = [Data](repeating: Data(), count: sliceCount)
            for try await (index, data) in group { slices[index] = data }
            return slices
        }
        var joined = Data(capacity: slices.reduce(0) { $0 + $1.count + 1 })
        for slice in slices where !slice.isEmpty {
            if !joined.isEmpty { joined.append(UInt8(ascii: ",")) }
            joined.append(slice)
        }
        return joined
    }
}
