import AsyncHTTPClient
import NIOCore

/// The body of an answer as it arrives: chunks of bytes, in order, read from the server
/// only as fast as they are iterated. Handed to `HTTPTransport.stream`'s consumer.
///
/// Iterating throws `TransportFailure`: `.responseTooLarge` once the bytes so far would
/// pass the cap (the chunk that passes it is never handed over), `.connectionLost` when the
/// server stops early, `.cancelled` when the request's task (or its deadline) ends it.
/// Iterate it once, inside the consumer.
public struct HTTPBodyStream: AsyncSequence, Sendable {
    public typealias Element = HTTPBodyChunk
    public typealias Failure = TransportFailure

    private enum Source: Sendable {
        case client(HTTPClientResponse.Body, target: String, proxy: ProxyRoute)
        case chunks([[UInt8]])
    }

    private let source: Source
    /// Most bytes the whole body may have.
    public let cap: Int

    init(_ body: HTTPClientResponse.Body, cap: Int, target: String, proxy: ProxyRoute) {
        self.source = .client(body, target: target, proxy: proxy)
        self.cap = cap
    }

    /// A body already in memory, cut into `chunks`, under the same cap (for transports
    /// that are not network ones).
    public init(chunks: [[UInt8]], cap: Int = .max) {
        self.source = .chunks(chunks)
        self.cap = cap
    }

    public func makeAsyncIterator() -> AsyncIterator {
        switch source {
        case .client(let body, let target, let proxy):
            AsyncIterator(base: .client(body.makeAsyncIterator(), target: target, proxy: proxy), cap: cap)
        case .chunks(let chunks):
            AsyncIterator(base: .chunks(chunks[...]), cap: cap)
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        public typealias Element = HTTPBodyChunk
        public typealias Failure = TransportFailure

        fileprivate enum Base {
            case client(HTTPClientResponse.Body.AsyncIterator, target: String, proxy: ProxyRoute)
            case chunks(ArraySlice<[UInt8]>)
        }

        fileprivate var base: Base
        fileprivate let cap: Int
        private var received = 0

        fileprivate init(base: Base, cap: Int) {
            self.base = base
            self.cap = cap
        }

        public mutating func next() async throws(TransportFailure) -> HTTPBodyChunk? {
            let chunk: HTTPBodyChunk?
            switch base {
            case .client(var iterator, let target, let proxy):
                do {
                    chunk = try await iterator.next().map(HTTPBodyChunk.init(buffer:))
                } catch {
                    throw Task.isCancelled ? .cancelled : TransportFailure(error, target: target, proxy: proxy)
                }
                base = .client(iterator, target: target, proxy: proxy)
                // A cancelled read can end as a clean end of stream: it is not the whole body.
                if chunk == nil, Task.isCancelled { throw .cancelled }
            case .chunks(var rest):
                chunk = rest.popFirst().map(HTTPBodyChunk.init)
                base = .chunks(rest)
            }
            guard let chunk else { return nil }
            received += chunk.count
            if received > cap { throw .responseTooLarge(limit: cap) }
            return chunk
        }
    }
}
