import ArgumentParser
import Foundation
import SynqAPI

/// `--json` for every headless command that prints data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("json"), help: "Print JSON (a stable shape, see the README) instead of a table.")
    var json = false
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
