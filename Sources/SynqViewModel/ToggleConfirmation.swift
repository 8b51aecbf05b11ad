import SynqText

/// One synchronizer to switch, with the state it should get.
public struct ToggleTarget: Sendable, Hashable {
    public var id: String
    public var name: String
    public var enable: Bool

    public init(id: String, name: String, enable: Bool) {
        self.id = id
        self.name = name
        self.enable = enable
    }
}

/// The y/n question before switching synchronizers: disabling one row, or enabling or
/// disabling the marked rows. A bulk question says how many of its rows the filter hides
/// and names the first few, so nothing is switched that the user cannot account for.
public struct ToggleConfirmation: Sendable, Hashable {
    public var targets: [ToggleTarget]
    /// True when the targets are the marked rows (marks clear after confirming).
    public var isBulk: Bool
    /// Names of the targets the filter hides, in server order.
    public var hidden: [String]
    /// Marked rows left alone because they already are in the wanted state.
    public var unchanged: Int

    /// How many hidden names the question spells out.
    public static let namedHidden = 3

    public init(targets: [ToggleTarget], isBulk: Bool, hidden: [String] = [], unchanged: Int = 0) {
        self.targets = targets
        self.isBulk = isBulk
        self.hidden = hidden
        self.unchanged = unchanged
    }

    /// The question without its "(y/n)", e.g. `Disable "prod-1"?` or
    /// `Disable 3 marked synchronizers, 2 hidden by the filter ("a", "b")?`.
    public var body: String {
        if !isBulk, let only = targets.first, targets.count == 1 {
            return "\(only.enable ? "Enable" : "Disable") \"\(only.name)\"?"
        }
        let verb = targets.first?.enable == true ? "Enable" : "Disable"
        var text = "\(verb) \(Count.text(targets.count)) marked synchronizer\(targets.count == 1 ? "" : "s")"
        if !hidden.isEmpty {
            let named = hidden.prefix(Self.namedHidden).map { "\"\(Self.short($0))\"" }
            let more = hidden.count > Self.namedHidden ? " and \(Count.text(hidden.count - Self.namedHidden)) more" : ""
            text += ", \(Count.text(hidden.count)) hidden by the filter (\(named.joined(separator: ", "))\(more))"
        }
        text += "?"
        if unchanged > 0 {
            text += " \(Count.text(unchanged)) already \(verb == "Enable" ? "enabled" : "disabled") left alone."
        }
        return text
    }

    /// The whole question, e.g. `Disable "prod-1"? (y/n)`.
    public var question: String { body + Self.answerKeys }

    /// What follows the question: the keys that answer it.
    public static let answerKeys = " (y/n)"

    /// A name cut for the one-line question (the detail view shows it whole).
    static func short(_ name: String) -> String {
        name.count > 24 ? String(name.prefix(23)) + "…" : name
    }
}
