import Foundation
import SynqAPI
import SynqText
import SynqViewModel

/// An aligned plain-text table for headless output. Cells are sanitised (server text can
/// carry escape sequences) and padded by display width, so CJK names keep columns straight;
/// columns are two spaces apart and the last one is not padded.
///
/// Small tables collect their rows (`append`, `render`); a fleet streams: `write` reads
/// every cell twice, once for the widths and once to print, straight from where the rows
/// live, so a million rows are never held as strings.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    /// Widths and cells are the table's own (every cell whole); the title and alignment
    /// are the resource's.
    static func column<Row>(_ definition: ResourceColumn<Row>) -> Column {
        Column(title: definition.title, alignment: definition.alignment == .right ? .right : .left)
    }

    /// One cell's text: a string, or UTF-8 bytes in the arena given to `write`.
    enum Cell {
        case text(String)
        case bytes(Range<Int>)
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    func render() -> String {
        var out = CollectedOutput()
        Self.write(columns, count: rows.count, arena: [], cell: { .text(rows[$0][$1]) }, to: &out)
        return out.text
    }

    /// Writes a header and `count` rows whose cells `cell(row, column)` gives.
    static func write<Out: ByteSink>(_ columns: [Column], count: Int, arena: [UInt8], cell: (Int, Int) -> Cell,
                                              to out: inout Out) throws(Out.Failure) {
        var widths = columns.map { CharacterWidth.of($0.title) }
        arena.withUnsafeBufferPointer { arena in
            for row in 0..<count {
                for column in columns.indices {
                    widths[column] = max(widths[column], SafeCell(cell(row, column), arena).width)
                }
            }
        }
        var line: [UInt8] = []
        func emit(_ cells: (Int) -> SafeCell) {
            line.removeAll(keepingCapacity: true)
            for index in columns.indices {
                let value = cells(index)
                let pad = max(0, widths[index] - value.width)
                let isLast = index == columns.count - 1
                switch columns[index].alignment {
                case .left:
                    value.append(to: &line)
                    if !isLast { line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad)) }
                case .right:
                    line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad))
                    value.append(to: &line)
                }
                if !isLast { line.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
            }
            line.append(UInt8(ascii: "\n"))
        }
        emit { SafeCell(.text(columns[$0].title), UnsafeBufferPointer(start: nil, count: 0)) }
        try out.write(line)
        try arena.withUnsafeBufferPointer { (arena) throws(Out.Failure) in
            for row in 0..<count {
                emit { SafeCell(cell(row, $0), arena) }
                try out.write(line)
            }
        }
    }
}

/// A cell made safe for a terminal, with its display width. Printable ASCII (nearly every
/// cell of a fleet) is used as it is; anything else goes through `Sanitizer` and `CharacterWidth`.
private struct SafeCell {
    var ascii: UnsafeBufferPointer<UInt8>?
    var text: String?
    var width: Int

    init(_ cell: TextTable.Cell, _ arena: UnsafeBufferPointer<UInt8>) {
        switch cell {
        case .bytes(let range):
            let bytes = UnsafeBufferPointer(rebasing: arena[range])
            if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                ascii = bytes
                width = bytes.count
            } else {
                let clean = Sanitizer.clean(String(decoding: bytes, as: UTF8.self))
                text = clean
                width = CharacterWidth.of(clean)
            }
        case .text(let string):
            let clean = Sanitizer.clean(string)
            text = clean
            width = CharacterWidth.of(clean)
        }
    }

    func append(to line: inout [UInt8]) {
        if let ascii { line.append(contentsOf: ascii) } else if let text { line.append(contentsOf: text.utf8) }
    }
}
