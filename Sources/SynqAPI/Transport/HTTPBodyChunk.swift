import Foundation
import NIOCore

/// One piece of a body as the socket gave it (`HTTPBodyStream`'s element): the transport's
/// own buffer, read in place. A large list arrives in thousands of these; copying each into
/// an array of its own cost about 4% of reading it.
public struct HTTPBodyChunk: RandomAccessCollection, ContiguousBytes, Sendable {
    private let view: ByteBufferView

    init(buffer: ByteBuffer) {
        view = buffer.readableBytesView
    }

    /// A chunk holding these bytes (for bodies that are not read from a socket).
    public init(_ bytes: [UInt8]) {
        view = ByteBuffer(bytes: bytes).readableBytesView
    }

    public var startIndex: Int { view.startIndex }
    public var endIndex: Int { view.endIndex }
    public subscript(position: Int) -> UInt8 { view[position] }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try view.withUnsafeBytes(body)
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try view.withContiguousStorageIfAvailable(body)
    }
}
