import Foundation
import SynqAPI

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
        var widths = columns.map { TerminalWidth.of($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalWidth.of(cell))
            }
        }
        var out = ""
        out.reserveCapacity((widths.reduce(0, +) + 2 * widths.count) * (rows.count + 1))
        func emit(_ cells: [String]) {
            var line = ""
            for (index, cell) in cells.enumerated() where index < widths.count {
                let pad = String(repeating: " ", count: max(0, widths[index] - TerminalWidth.of(cell)))
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

/// Display width of text in terminal cells: wide East Asian characters and emoji count
/// two, combining marks zero.
enum TerminalWidth {
    static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x7F && $0 >= 0x20 }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return isWide(first.value) ? 2 : 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
