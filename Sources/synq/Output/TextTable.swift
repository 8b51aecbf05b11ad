import Foundation
import SynqAPI
import SynqText
import SynqViewModel

/// An aligned plain-text table for headless output. Cells are sanitised (server text can
/// carry escape sequences) and padded by display width, so CJK names keep columns straight;
/// columns are two spaces apart and the last one is not padded.
///
/// Small tables collect their rows (`append`, `render`); a fleet streams (`TableCells`):
/// `write` measures every cell once (its width and whether it is printable ASCII are kept,
/// 2 bytes a cell), then reads it again to print, straight from where the rows live, so a
/// million rows are never held as strings.
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

    /// One cell's text: a string, UTF-8 bytes in the arena of the table's `TableCells`, or a
    /// UUID the fleet keeps as bytes (printable ASCII when formatted).
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
        Self.write(columns, StringRows(rows: rows), to: &out)
        return out.text
    }

    /// The most bytes of lines written into one buffer, by the measure: one very wide cell
    /// pads every row of its column to its width (the alignment rule), and a server's
    /// megabyte-long name must not make a chunk's buffer gigabytes. A chunk of a fleet's usual
    /// table (1.5 MB) is one piece.
    static let pieceBytes = 16 << 20

    /// Writes a header and the rows of `cells`, one piece after another (small tables, tests).
    static func write<Cells: TableCells, Out: ByteSink>(_ columns: [Column], _ cells: Cells, pieceBytes: Int = pieceBytes,
                                                        to out: inout Out) throws(Out.Failure) {
        let measured = (0..<ParallelChunks.count(ofRows: cells.count)).map { measure(chunk: $0, cells, columns: columns.count) }
        let layout = Layout(columns: columns, widths: widest(columns, measured))
        try out.write(layout.header())
        for piece in layout.pieces(of: measured, count: cells.count, limit: pieceBytes) {
            try out.write(layout.lines(piece, cells, measured[piece.chunk]))
        }
    }

    /// The same bytes, each chunk measured and then each piece written on every core, in
    /// order (a fleet's table: `synchronizers list`).
    static func write<Cells: TableCells, Out: ByteSink>(_ columns: [Column], _ cells: Cells, pieceBytes: Int = pieceBytes,
                                                        toOutput out: inout Out) async throws(Out.Failure) {
        let measured = await ParallelChunks.map(count: ParallelChunks.count(ofRows: cells.count)) { chunk in
            measure(chunk: chunk, cells, columns: columns.count)
        }
        let layout = Layout(columns: columns, widths: widest(columns, measured))
        try out.write(layout.header())
        let pieces = layout.pieces(of: measured, count: cells.count, limit: pieceBytes)
        try await ParallelChunks.write(count: pieces.count, to: &out) { index in
            layout.lines(pieces[index], cells, measured[pieces[index].chunk])
        }
    }

    /// The rows of chunk `chunk`, their cells measured, and each column's widest cell among them.
    fileprivate static func measure<Cells: TableCells>(chunk: Int, _ cells: Cells, columns: Int) -> MeasuredChunk {
        let rows = ParallelChunks.rows(ofChunk: chunk, in: cells.count)
        var widths = Array(repeating: 0, count: columns), sanitized: [MeasuredChunk.SanitizedRow] = []
        let packed = [UInt16](unsafeUninitializedCapacity: rows.count * columns) { packed, initialized in
            cells.withReader { reader in
                for row in rows {
                    var sanitizedBytes = 0
                    for column in 0..<columns {
                        let size = MeasuredCell(reader.cell(row, column), reader.arena)
                        packed[initialized] = size.packed
                        initialized += 1
                        widths[column] = max(widths[column], Int(size.width))
                        sanitizedBytes += size.sanitizedBytes
                    }
                    if sanitizedBytes > 0 { sanitized.append(.init(row: row, bytes: sanitizedBytes)) }
                }
            }
        }
        return MeasuredChunk(cells: packed, widths: widths, sanitized: sanitized)
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

/// Where a streamed table's cells come from. Each pass over a chunk gets its own reader,
/// valid inside `withReader` only (it may read the rows' storage through pointers), which may
/// keep what it worked out for one row for the next (a list's rows come in date order: one
/// "3d ago" serves thousands of rows).
protocol TableCells: Sendable {
    associatedtype Reader: TableCellReader
    /// How many rows.
    var count: Int { get }
    func withReader<R>(_ body: (inout Reader) -> R) -> R
}

protocol TableCellReader {
    /// The bytes that `TextTable.Cell.bytes` ranges point into.
    var arena: UnsafeBufferPointer<UInt8> { get }
    /// Row `row`'s cell in column `column`.
    mutating func cell(_ row: Int, _ column: Int) -> TextTable.Cell
}

/// A small table's rows, collected as strings.
private struct StringRows: TableCells, TableCellReader {
    let rows: [[String]]
    var count: Int { rows.count }
    var arena: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }
    func withReader<R>(_ body: (inout StringRows) -> R) -> R {
        var reader = self
        return body(&reader)
    }
    func cell(_ row: Int, _ column: Int) -> TextTable.Cell { .text(rows[row][column]) }
}

/// A chunk's cells as measured (row by row, column by column) and its widest cell per column.
private struct MeasuredChunk {
    /// Each cell's `MeasuredCell.packed`: 10 MB for a million rows of five columns, where the
    /// measures as they are took 40 (measuring each cell again when writing cost more CPU).
    var cells: [UInt16]
    var widths: [Int]
    /// The rows with cells that go through `Sanitizer` (not printable ASCII), and those
    /// cells' bytes once sanitized: every other cell is as many bytes as it is wide, which is
    /// how the writer knows a piece's room. Kept by row (few rows have any) so that a piece's
    /// room counts its own rows' only.
    var sanitized: [SanitizedRow]

    struct SanitizedRow {
        let row: Int
        let bytes: Int
    }

    /// The sanitized bytes of `rows`.
    func sanitizedBytes(_ rows: Range<Int>) -> Int {
        sanitized.reduce(0) { rows.contains($1.row) ? $0 + $1.bytes : $0 }
    }
}

/// A cell's display width, and whether it is printable ASCII (written as it is) or must go
/// through `Sanitizer` when written.
private struct MeasuredCell {
    var width: UInt32
    var isASCII: Bool
    /// For a cell that is not printable ASCII: its bytes once sanitized.
    var sanitizedBytes = 0

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
        if ByteWords.isPrintableASCII(bytes) {
            self.init(width: UInt32(clamping: bytes.count), isASCII: true)
        } else {
            let clean = Sanitizer.clean(text())
            self.init(width: UInt32(clamping: CharacterWidth.of(clean)), isASCII: false)
            sanitizedBytes = clean.utf8.count
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

}

/// Where each column's text goes on a line: padded to the column's width (left or right),
/// two spaces between columns, the last column not padded, a newline after it.
///
/// Lines are written through a pointer into a buffer sized for the chunk first (each column
/// at its full width and separator, plus the sanitized cells' bytes): appending to an array
/// checked its capacity and uniqueness for every piece of every cell.
private struct Layout {
    let columns: [TextTable.Column]
    let widths: [Int]

    /// The most bytes a line of printable-ASCII cells takes: every column padded to its width.
    private var lineBytes: Int { widths.reduce(0, +) + 2 * (columns.count - 1) + 1 }

    /// The titles' line.
    func header() -> [UInt8] {
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        let titles = columns.map { MeasuredCell(.text($0.title), none) }
        return written(bound: lineBytes + titles.reduce(0) { $0 + $1.sanitizedBytes }) { start in
            var out = start
            for (index, column) in columns.enumerated() {
                out = write(.text(column.title), titles[index], none, column: index, at: out)
            }
            return out
        }
    }

    /// Some rows of one chunk, written together.
    struct Piece {
        let chunk: Int
        let rows: Range<Int>
    }

    /// Each chunk's rows in pieces of at most `limit` bytes of lines (by the measure; at
    /// least a row each).
    func pieces(of measured: [MeasuredChunk], count: Int, limit: Int) -> [Piece] {
        let rowsPerPiece = max(1, limit / lineBytes)
        return measured.indices.flatMap { chunk in
            let rows = ParallelChunks.rows(ofChunk: chunk, in: count)
            return stride(from: rows.lowerBound, to: rows.upperBound, by: rowsPerPiece).map {
                Piece(chunk: chunk, rows: $0..<min($0 + rowsPerPiece, rows.upperBound))
            }
        }
    }

    /// The lines of a piece, its cells written as its chunk's `measured` says.
    func lines<Cells: TableCells>(_ piece: Piece, _ cells: Cells, _ measured: MeasuredChunk) -> [UInt8] {
        let rows = piece.rows
        let columnCount = columns.count
        return written(bound: rows.count * lineBytes + measured.sanitizedBytes(rows)) { start in
            cells.withReader { reader in
                var out = start
                var index = (rows.lowerBound - ParallelChunks.rows(ofChunk: piece.chunk, in: cells.count).lowerBound) * columnCount
                for row in rows {
                    for column in columns.indices {
                        let cell = reader.cell(row, column)
                        let size = MeasuredCell(packed: measured.cells[index]) ?? MeasuredCell(cell, reader.arena)
                        out = write(cell, size, reader.arena, column: column, at: out)
                        index += 1
                    }
                }
                return out
            }
        }
    }

    /// Bytes written by `body` into a buffer of `bound` bytes (never touched past what is
    /// written, so the unused rest is never resident).
    private func written(bound: Int, _ body: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let end = body(base)
            precondition(end - base <= bound, "a table's lines outgrew their measure")
            initialized = end - base
        }
    }

    /// A measured cell, written as measured: printable ASCII as it is, anything else sanitized.
    private func write(_ cell: TextTable.Cell, _ size: MeasuredCell, _ arena: UnsafeBufferPointer<UInt8>, column: Int,
                       at out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        switch cell {
        case .bytes(let range) where size.isASCII:
            return write(UnsafeBufferPointer(rebasing: arena[range]), width: Int(size.width), column: column, at: out)
        case .bytes(let range):
            var clean = Sanitizer.clean(String(decoding: UnsafeBufferPointer(rebasing: arena[range]), as: UTF8.self))
            return clean.withUTF8 { write($0, width: Int(size.width), column: column, at: out) }
        case .text(let text):
            var clean = size.isASCII ? text : Sanitizer.clean(text)
            return clean.withUTF8 { write($0, width: Int(size.width), column: column, at: out) }
        case .uuid(let uuid):
            return uuid.withText { write($0, width: CanonicalUUID.textLength, column: column, at: out) }
        }
    }

    /// The cell's bytes padded to its column's width on the side its alignment says (the last
    /// column is not padded on the right), then what follows the cell.
    @inline(__always)
    private func write(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, column: Int, at out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var out = out
        let pad = max(0, widths[column] - width)
        let isLast = column == columns.count - 1
        if columns[column].alignment == .right {
            out.update(repeating: UInt8(ascii: " "), count: pad)
            out += pad
        }
        if let base = bytes.baseAddress { out.update(from: base, count: bytes.count) }
        out += bytes.count
        if columns[column].alignment == .left && !isLast {
            out.update(repeating: UInt8(ascii: " "), count: pad)
            out += pad
        }
        if isLast {
            out[0] = UInt8(ascii: "\n")
            return out + 1
        }
        out[0] = UInt8(ascii: " ")
        out[1] = UInt8(ascii: " ")
        return out + 2
    }
}
