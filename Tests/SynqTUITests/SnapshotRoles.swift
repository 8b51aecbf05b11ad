@testable import SynqTUI

/// A screen's style roles as text, one character per cell, so a snapshot guards what each
/// cell means (selected, marked, enabled, pending, changed…) as ratatui's buffer assertions
/// compare styles, not only the symbols.
enum SnapshotRoles {
    /// One character per role; the switch has no default, so a new role must get a code here.
    static func code(_ role: StyleRole) -> Character {
        switch role {
        case .base: "."
        case .dim: "d"
        case .border: "#"
        case .title: "T"
        case .tabActive: "A"
        case .tabInactive: "a"
        case .header: "H"
        case .selection: "S"
        case .marked: "M"
        case .changed: "C"
        case .pending: "P"
        case .enabled: "E"
        case .disabled: "D"
        case .keyActive: "k"
        case .keyRevoked: "r"
        case .keyDisabled: "x"
        case .keyUnknown: "u"
        case .statusBar: "b"
        case .statusError: "!"
        case .statusWarning: "w"
        case .statusInfo: "i"
        case .readonly: "R"
        case .helpKey: "h"
        case .modal: "m"
        case .modalTitle: "t"
        case .secret: "*"
        case .prompt: "p"
        case .input: "I"
        case .filter: "f"
        }
    }

    /// A legend line naming the codes used, then the grid's roles row by row (a wide
    /// character's continuation cell carries its own role, so columns line up with the text).
    static func render(_ grid: Grid) -> String {
        var used: Set<StyleRole> = []
        var lines: [String] = []
        for row in 0..<grid.height {
            var line = ""
            for column in 0..<grid.width {
                let role = grid[column, row].role
                used.insert(role)
                line.append(code(role))
            }
            lines.append(line)
        }
        let legend = StyleRole.allCases.filter(used.contains).map { "\(code($0)) \($0.rawValue)" }.joined(separator: ", ")
        return (["roles: " + legend] + lines).joined(separator: "\n")
    }
}
