import Foundation
import Testing
@testable import synq

/// A list's output into a pipe goes through a 1 MiB pipe buffer (a chunk in one turn, not two
/// dozen), and every byte still arrives in order; a file is written as it is.
@Suite struct OutputStreamTests {
    @Test func aPipeIsWidenedToTheBuffersSizeAndCarriesEveryByte() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        #expect(fcntl(ends[1], 1032) == 65_536)  // F_GETPIPE_SZ: a new pipe's 64 KiB
        var out = OutputStream(descriptor: ends[1])
        #expect(fcntl(ends[1], 1032) == Int32(OutputStream.capacity))
        // More than the pipe holds, read on another thread while written.
        let chunk = (0..<(3 * OutputStream.capacity / 2)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let readEnd = ends[0]
        let reader = Task.detached { () -> [UInt8] in
            var read: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = Glibc.read(readEnd, &buffer, buffer.count)
                if n <= 0 { return read }
                read += buffer[0..<n]
            }
        }
        try out.write(Array("head".utf8))
        try out.write(chunk)
        try out.flush()
        close(ends[1])
        let read = await reader.value
        #expect(read.count == 4 + chunk.count && read.prefix(4) == Array("head".utf8)[...] && Array(read.dropFirst(4)) == chunk)
    }

    @Test func aFileIsLeftAsItIs() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("synq-output-\(UUID().uuidString)").path
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o600)
        defer { close(descriptor); unlink(path) }
        var out = OutputStream(descriptor: descriptor)
        #expect(fcntl(descriptor, 1032) == -1)  // not a pipe: there is no pipe size to read
        try out.write(Array("rows\n".utf8))
        try out.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "rows\n")
    }
}
