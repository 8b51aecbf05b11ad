import Foundation
import SynqAPI
import SynqText
import SynqViewModel

/// An aligned plain-text table for headless output. Cells are sanitised (server text can
/// carry escape sequences) and padded by display width, so CJK names keep columns straight;
/// columns are two spaces apart and the last one is not padded.
///
/// Small tables collect their rows (`append`, `render`); a fleet streams: `write` measures
/// every cell once (its width and whether it is printable ASCII are kept, 2 bytes a cell),
/// then reads it again to print, straight from where the rows live, so a million rows are
/// never held as strings.
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

    /// One cell's text: a string, UTF-8 bytes in the arena given to `write`, or a UUID the
    /// fleet keeps as bytes (printable ASCII when formatted).
    enum Cell {
        case text(String)
        case bytes(Range<Int>)
        case uuid(CanonicalUUID)
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

    /// Writes a header and `count` rows whose cells `cell(row, column)` gives, one chunk
    /// after another (small tables). Each cell is measured once: its width, and whether it
    /// is printable ASCII, are kept (2 bytes a cell) for the writing pass.
    static func write<Out: ByteSink>(_ columns: [Column], count: Int, arena: [UInt8], cell: (Int, Int) -> Cell,
                                     to out: inout Out) throws(Out.Failure) {
        let measured = arena.withUnsafeBufferPointer { arena in
            (0..<ParallelChunks.count(ofRows: count)).map { measure(chunk: $0, count: count, columns: columns.count, arena: arena, cell: cell) }
        }
        let layout = Layout(columns: columns, widths: widest(columns, measured))
        try out.write(layout.header())
        try arena.withUnsafeBufferPointer { (arena) throws(Out.Failure) in
            for chunk in measured.indices {
                try out.withBuffer { layout.append(chunk: chunk, count: count, measured[chunk], arena, cell: cell, to: &$0) }
            }
        }
    }

    /// The same bytes, each chunk measured and then written on every core, in order (a
    /// fleet's table: `synchronizers list`).
    static func write<Out: ByteSink>(_ columns: [Column], count: Int, arena: [UInt8], cell: @escaping @Sendable (Int, Int) -> Cell,
                                     toOutput out: inout Out) async throws(Out.Failure) {
        let measured = await ParallelChunks.map(count: ParallelChunks.count(ofRows: count)) { chunk in
            arena.withUnsafeBufferPointer { measure(chunk: chunk, count: count, columns: columns.count, arena: $0, cell: cell) }
        }
        let layout = Layout(columns: columns, widths: widest(columns, measured))
        try out.write(layout.header())
        try await ParallelChunks.write(count: measured.count, to: &out) { chunk in
            var line: [UInt8] = []
            line.reserveCapacity(ParallelChunks.rowsPerChunk * 160)
            arena.withUnsafeBufferPointer { layout.append(chunk: chunk, count: count, measured[chunk], $0, cell: cell, to: &line) }
            return line
        }
    }

    /// The rows of chunk `chunk`, their cells measured, and each column's widest cell among them.
    fileprivate static func measure(chunk: Int, count: Int, columns: Int, arena: UnsafeBufferPointer<UInt8>,
                                    cell: (Int, Int) -> Cell) -> MeasuredChunk {
        let rows = ParallelChunks.rows(ofChunk: chunk, in: count)
        var measured = MeasuredChunk(cells: [], widths: Array(repeating: 0, count: columns))
        measured.cells.reserveCapacity(rows.count * columns)
        for row in rows {
            for column in 0..<columns {
                let size = MeasuredCell(cell(row, column), arena)
                measured.cells.append(size.packed)
                measured.widths[column] = max(measured.widths[column], Int(size.width))
            }
        }
        return measured
    }

    /// Each column's width: its title's or its widest cell's.
    fileprivate static func widest(_ columns: [Column], _ chunks: [MeasuredChunk]) -> [Int] {
        var widths = columns.map { CharacterWidth.of($0.title) }
        for chunk in chunks {
            for column in widths.indices { widths[column] = max(widths[column], chunk.widths[column]) }
        }
        return widths
    }
}

/// A chunk's cells as measured (row by row, column by column) and its widest cell per column.
private struct MeasuredChunk {
    /// Each cell's `MeasuredCell.packed`: 10 MB for a million rows of five columns, where the
    /// measures as they are took 40 (measuring each cell again when writing cost more CPU).
    var cells: [UInt16]
    var widths: [Int]
}

/// A cell's display width, and whether it is printable ASCII (written as it is) or must go
/// through `Sanitizer` when written.
private struct MeasuredCell {
    var width: UInt32
    var isASCII: Bool

    init(width: UInt32, isASCII: Bool) {
        self.width = width
        self.isASCII = isASCII
    }

    /// Printable ASCII (nearly every cell of a fleet) is its byte count wide; anything else
    /// is measured after `Sanitizer`, as it will be written.
    init(_ cell: TextTable.Cell, _ arena: UnsafeBufferPointer<UInt8>) {
        switch cell {
        case .bytes(let range):
            let bytes = UnsafeBufferPointer(rebasing: arena[range])
            self.init(bytes: bytes, text: { String(decoding: bytes, as: UTF8.self) })
        case .text(var string):
            self = string.withUTF8 { bytes in MeasuredCell(bytes: bytes, text: { String(decoding: bytes, as: UTF8.self) }) }
        case .uuid:
            self.init(width: UInt32(CanonicalUUID.textLength), isASCII: true)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, text: () -> String) {
        if Self.isPrintableASCII(bytes) {
            self.init(width: UInt32(clamping: bytes.count), isASCII: true)
        } else {
            self.init(width: UInt32(clamping: CharacterWidth.of(Sanitizer.clean(text()))), isASCII: false)
        }
    }

    /// The measure in two bytes: the width in the low fifteen bits, the top bit set for
    /// printable ASCII; `unpacked` for a cell wider than 32,766 columns, measured again when
    /// it is written.
    var packed: UInt16 { width < UInt32(Self.unpacked) ? UInt16(width) | (isASCII ? 0x8000 : 0) : Self.unpacked }

    static let unpacked: UInt16 = 0x7FFF

    /// A packed measure; nil for `unpacked`.
    init?(packed: UInt16) {
        guard packed & 0x7FFF != Self.unpacked else { return nil }
        self.init(width: UInt32(packed & 0x7FFF), isASCII: packed & 0x8000 != 0)
    }

    /// Eight bytes at a time: a C0 control, DEL or a byte above ASCII in any of them.
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let delete = word ^ (ones &* 0x7F)
            if ((word &- ones &* 0x20) & ~word | (delete &- ones) & ~delete | word) & highs != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            guard base[index] >= 0x20 && base[index] < 0x7F else { return false }
            index += 1
        }
        return true
    }
}

/// Where each column's text goes on a line: padded to the column's width (left or right),
/// two spaces between columns, the last column not padded, a newline after it.
private struct Layout {
    let columns: [TextTable.Column]
    let widths: [Int]

    /// The titles' line.
    func header() -> [UInt8] {
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var line: [UInt8] = []
        for (index, column) in columns.enumerated() {
            append(.text(column.title), MeasuredCell(.text(column.title), none), none, column: index, to: &line)
        }
        return line
    }

    /// The lines of chunk `chunk`, its cells written as `measured` says.
    func append(chunk: Int, count: Int, _ measured: MeasuredChunk, _ arena: UnsafeBufferPointer<UInt8>,
                cell: (Int, Int) -> TextTable.Cell, to line: inout [UInt8]) {
        var index = 0
        for row in ParallelChunks.rows(ofChunk: chunk, in: count) {
            for column in columns.indices {
                let text = cell(row, column)
                append(text, MeasuredCell(packed: measured.cells[index]) ?? MeasuredCell(text, arena), arena, column: column, to: &line)
                index += 1
            }
        }
    }

    /// A measured cell, written as measured: printable ASCII as it is, anything else sanitized.
    func append(_ cell: TextTable.Cell, _ size: MeasuredCell, _ arena: UnsafeBufferPointer<UInt8>, column: Int, to line: inout [UInt8]) {
        switch cell {
        case .bytes(let range) where size.isASCII:
            append(UnsafeBufferPointer(rebasing: arena[range]), width: Int(size.width), column: column, to: &line)
        case .bytes(let range):
            var clean = Sanitizer.clean(String(decoding: UnsafeBufferPointer(rebasing: arena[range]), as: UTF8.self))
            clean.withUTF8 { append($0, width: Int(size.width), column: column, to: &line) }
        case .text(let text):
            var clean = size.isASCII ? text : Sanitizer.clean(text)
            clean.withUTF8 { append($0, width: Int(size.width), column: column, to: &line) }
        case .uuid(let uuid):
            uuid.withText { append($0, width: Int(size.width), column: column, to: &line) }
        }
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, column: Int, to line: inout [UInt8]) {
        let pad = max(0, widths[column] - width)
        let isLast = column == columns.count - 1
        switch columns[column].alignment {
        case .left:
            line.append(contentsOf: bytes)
            if !isLast { line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad)) }
        case .right:
            line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad))
            line.append(contentsOf: bytes)
        }
        if isLast {
            line.append(UInt8(ascii: "\n"))
        } else {
            line.append(UInt8(ascii: " "))
            line.append(UInt8(ascii: " "))
        }
    }
}
