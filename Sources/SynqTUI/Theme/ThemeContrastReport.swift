/// Every role of a theme measured as a terminal shows it: the colours at each depth and
/// their WCAG contrast against the role's own background. `synq theme check` prints it;
/// the contrast test holds the built-in themes to it.
public struct ThemeContrastReport: Sendable {
    public struct Row: Sendable {
        public var role: StyleRole
        public var depth: ColorDepth
        public var style: TerminalStyle
        public var ratio: Double
        public var required: Double
        public var passes: Bool { ratio >= required }
    }

    public var theme: Theme
    public var rows: [Row]

    public init(theme: Theme, depths: [ColorDepth] = ColorDepth.allCases) {
        self.theme = theme
        rows = depths.flatMap { depth in
            StyleRole.allCases.map { role in
                let style = theme.terminalStyle(role, colors: depth.rawValue)
                return Row(role: role, depth: depth, style: style, ratio: Contrast.ratio(of: style, on: theme.background),
                           required: theme.requiredContrast(role))
            }
        }
    }

    /// The lowest contrast relative to what its role needs.
    public var worst: Row? { rows.min { $0.ratio / $0.required < $1.ratio / $1.required } }
    public var passes: Bool { rows.allSatisfy(\.passes) }

    /// A table per depth, then one line naming the worst role.
    public var text: String {
        var lines = ["theme \(theme.name): for \(theme.background.rawValue) backgrounds; text needs \(Self.format(theme.minimumContrast)):1, borders \(Self.format(Contrast.nonText)):1"]
        for depth in ColorDepth.allCases {
            let depthRows = rows.filter { $0.depth == depth }
            guard !depthRows.isEmpty else { continue }
            lines.append("")
            lines.append("\(depth):")
            lines.append("  " + "role".padding(toLength: 16, withPad: " ", startingAt: 0) + "fg".padding(toLength: 16, withPad: " ", startingAt: 0)
                         + "bg".padding(toLength: 16, withPad: " ", startingAt: 0) + "attrs".padding(toLength: 18, withPad: " ", startingAt: 0) + "contrast")
            for row in depthRows {
                let attributes = ThemeAttribute.allCases.filter { row.style.attributes.contains($0) }.map(\.rawValue).joined(separator: ",")
                let verdict = row.passes ? "" : "  below \(Self.format(row.required)):1"
                lines.append("  " + row.role.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                             + Self.colorName(row.style.foreground).padding(toLength: 16, withPad: " ", startingAt: 0)
                             + Self.colorName(row.style.background).padding(toLength: 16, withPad: " ", startingAt: 0)
                             + (attributes.isEmpty ? "-" : attributes).padding(toLength: 18, withPad: " ", startingAt: 0)
                             + Self.format(row.ratio) + ":1" + verdict)
            }
        }
        lines.append("")
        if let worst {
            lines.append("worst: \(worst.role.rawValue) at \(worst.depth), \(Self.format(worst.ratio)):1"
                         + (passes ? " (every role passes)" : " (below \(Self.format(worst.required)):1)"))
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ ratio: Double) -> String {
        let hundredths = Int((ratio * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    static func colorName(_ index: Int?) -> String {
        guard let index else { return "default" }
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if index < 8 { return names[index] }
        if index < 16 { return "bright-" + names[index - 8] }
        return "\(index)"
    }
}
