import ArgumentParser
import SynqAPI
import SynqText

/// A first word that names no command (`synq synchronizer list`) would otherwise reach the
/// default command (the TUI) and print its usage; this says which command was meant.
enum UnknownCommand {
    /// The names a first word may be: every subcommand, and `help`.
    static var names: [String] { Synq.configuration.subcommands.map { $0._commandName } + ["help"] }

    /// The one-line error for `arguments` (without the program name), or nil when the
    /// first word is a command, an option, or absent.
    static func message(for arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        let word = Sanitizer.clean(String(first.prefix(40)))
        let typed = first.lowercased()
        let nearest = names.map { (name: $0, distance: distance(typed, $0)) }.min { $0.distance < $1.distance }
        if let nearest, nearest.distance <= max(2, nearest.name.count / 3) {
            return "synq: unknown command \"\(word)\"; did you mean \"\(nearest.name)\"? (synq --help lists the commands)"
        }
        return "synq: unknown command \"\(word)\"; the commands are: " + names.filter { $0 != "help" }.joined(separator: ", ")
    }

    /// Levenshtein distance, for short words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
