import Foundation
import SynqAPI
import SynqText

/// Writes command output to stdout. A full disk or a closed descriptor ends the command
/// with a one-line error and exit 74 instead of Foundation's trap in `FileHandle.write(_:)`.
enum StandardOutput {
    /// Whether stdout is a terminal: JSON is pretty-printed for people, compact for pipes.
    static let isTerminal = isatty(STDOUT_FILENO) == 1

    static func write(_ text: String) throws(OutputError) {
        try write(Data(text.utf8))
    }

    static func write(_ data: Data) throws(OutputError) {
        do {
            try FileHandle.standardOutput.write(contentsOf: TerminalSafeBytes.escaped(data))
        } catch {
            throw OutputError(underlying: error)
        }
    }

    /// One JSON document and a newline: indented on a terminal, one line otherwise.
    static func json<T: Encodable>(_ value: T) throws {
        var data = try JSONCoding.encoder(pretty: isTerminal).encode(value)
        data.append(0x0A)
        try write(data)
    }
}

/// Standard output could not take what the command printed.
struct OutputError: Error, LocalizedError, CustomStringConvertible {
    let reason: String

    init(reason: String) {
        self.reason = reason
    }

    init(underlying: any Error) {
        let posix = (underlying as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix, posix.domain == NSPOSIXErrorDomain, let message = strerror(Int32(posix.code)) {
            reason = String(cString: message)
        } else {
            reason = (underlying as NSError).localizedDescription
        }
    }

    var description: String { "cannot write the output: \(reason)" }
    var errorDescription: String? { description }
}
