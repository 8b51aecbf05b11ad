import ArgumentParser
import Foundation
import SynqAPI

/// `--json` for every headless command that prints data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("json"), help: "Print JSON (a stable shape, see the README) instead of a table.")
    var json = false
}

/// Writes command output to stdout in one go.
enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        var data = try JSONCoding.encoder(pretty: true).encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}

/// "3d ago" style ages for tables.
enum Age {
    static func describe(_ date: Date?, now: Date = Date()) -> String {
        guard let date else { return "never" }
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < 0 { return "in the future" }
        if seconds < 60 { return "just now" }
        if seconds < 3600 { return "\(seconds / 60)m ago" }
        if seconds < 86_400 { return "\(seconds / 3600)h ago" }
        if seconds < 86_400 * 60 { return "\(seconds / 86_400)d ago" }
        if seconds < 86_400 * 730 { return "\(seconds / (86_400 * 30))mo ago" }
        return "\(seconds / (86_400 * 365))y ago"
    }
}
