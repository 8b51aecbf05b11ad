import Foundation
import SynqAPI
import SynqText

/// An aligned plain-text table for headless output. Cells are sanitised (server text can
/// carry escape sequences) and padded by display width, so CJK names keep columns straight.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func append(_ row: [String]) {
        rows.append(row.map(Sanitizer.clean))
    }

    func render() -> String {
        var widths = columns.map { CharacterWidth.of($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], CharacterWidth.of(cell))
            }
        }
        var out = ""
        out.reserveCapacity((widths.reduce(0, +) + 2 * widths.count) * (rows.count + 1))
        func emit(_ cells: [String]) {
            var line = ""
            for (index, cell) in cells.enumerated() where index < widths.count {
                let pad = String(repeating: " ", count: max(0, widths[index] - CharacterWidth.of(cell)))
                let isLast = index == widths.count - 1
                switch columns[index].alignment {
                case .left: line += cell + (isLast ? "" : pad)
                case .right: line += pad + cell
                }
                if !isLast { line += "  " }
            }
            out += line + "\n"
        }
        emit(columns.map(\.title))
        for row in rows { emit(row) }
        return out
    }
}
