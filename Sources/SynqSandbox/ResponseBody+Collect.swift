import Foundation
import Hummingbird

extension ResponseBody {
    /// The whole body as bytes; faults that rewrite a real answer need it in one piece.
    func collect() async throws -> Data {
        let box = CollectedBytes()
        try await write(CollectingWriter(box: box))
        return box.data
    }
}

/// Accumulates what a body writes. Used by one task at a time (the request's), so it is not Sendable.
private final class CollectedBytes {
    var data = Data()
}

private struct CollectingWriter: ResponseBodyWriter {
    let box: CollectedBytes

    mutating func write(_ buffer: ByteBuffer) async throws {
        box.data.append(contentsOf: buffer.readableBytesView)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
