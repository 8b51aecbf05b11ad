import Foundation
import SynqAPI
@testable import SynqTUI
import SynqText

// libFuzzer target: width measurement and everything that lines text up with it.
// CharacterWidth gives 0, 1 or 2 per grapheme; TextLayout.truncate never yields more
// columns than asked for and keeps a prefix of the text; TextLayout.fit fills exactly the
// columns asked for; Grid.write stays inside its limit and the grid's edges; after any
// sequence of writes and fills every wide character still has its continuation cell.
//
// Input: byte 0 = columns (-2…97), byte 1 = alignment (bits 0-1) and ASCII glyphs (bit 2);
// then the text, and after each 0xFF separator one grid operation:
// [x + 4] [maxWidth + 1 (mod 40), or 0xFF for none] [row + 1 (mod 5), bit 7 = fill] text…

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWidth(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    guard bytes.count >= 2 else { return 0 }
    let columns = Int(bytes[0] % 100) - 2
    let alignment: TextLayout.Alignment = [.left, .right, .center, .left][Int(bytes[1] & 3)]
    let glyphs: Glyphs = bytes[1] & 4 == 0 ? .unicode : .ascii
    let pieces = bytes[2...].split(separator: 0xFF, omittingEmptySubsequences: false)
    let raw = String(decoding: pieces[0], as: UTF8.self)

    checkMeasure(raw)
    let text = Grid.displayable(raw, glyphs: glyphs)
    if text.unicodeScalars.contains(where: Sanitizer.isUnsafe) { fatalError("displayable text kept a control character") }
    if !glyphs.unicode && !text.allSatisfy(\.isASCII) { fatalError("displayable text is not ASCII with ASCII glyphs") }
    checkTruncate(text, columns: columns, glyphs: glyphs)
    checkFit(text, columns: columns, alignment: alignment, glyphs: glyphs)

    // A grid a little wider than the column count, written and filled at fuzzed places.
    var grid = Grid(width: max(0, columns) + 3, height: 3, glyphs: glyphs)
    grid.write(TextLayout.fit(text, to: columns, alignment: alignment, ellipsis: glyphs.ellipsis), x: 1, y: 0, role: .base, maxWidth: columns)
    checkIntegrity(grid, "fit written")
    for piece in pieces.dropFirst() where piece.count >= 3 {
        let start = piece.startIndex
        let x = Int(piece[start]) - 4
        let limit: Int? = piece[start + 1] == 0xFF ? nil : Int(piece[start + 1] % 40) - 1
        let y = Int(piece[start + 2] & 0x7F) % 5 - 1
        let content = String(decoding: piece[(start + 3)...], as: UTF8.self)
        let before = grid
        if piece[start + 2] & 0x80 != 0 {
            grid.fill(x: x, y: y, count: limit ?? content.utf8.count, role: .selection)
            checkUntouchedOutside(before, grid, y: y, from: x, to: x + (limit ?? content.utf8.count))
        } else {
            let used = grid.write(content, x: x, y: y, role: .selection, maxWidth: limit)
            if used < 0 || (limit.map { used > max(0, $0) } ?? false) { fatalError("write used \(used) columns, limit \(String(describing: limit))") }
            if used > 0 && x + used > grid.width { fatalError("write ran past the grid's edge") }
            checkUntouchedOutside(before, grid, y: y, from: x, to: x + max(used, 1))
        }
        checkIntegrity(grid, "after an operation at \(x),\(y)")
    }
    return 0
}

private func checkMeasure(_ text: String) {
    var total = 0
    for character in text {
        let width = CharacterWidth.of(character)
        if !(0...2).contains(width) { fatalError("width \(width) for a character") }
        total += width
    }
    if CharacterWidth.of(text) != total { fatalError("string width is not the sum of its characters") }
}

/// Truncation: within the columns as the grid counts them; the whole text when it fits,
/// else a prefix of it and the ellipsis.
private func checkTruncate(_ text: String, columns: Int, glyphs: Glyphs) {
    let cut = TextLayout.truncate(text, to: columns, ellipsis: glyphs.ellipsis)
    if columns <= 0 {
        if !cut.isEmpty { fatalError("truncating to \(columns) columns gave text") }
        return
    }
    let used = gridColumns(cut, glyphs: glyphs)
    if used > columns { fatalError("truncate to \(columns) columns takes \(used): \(cut.unicodeScalars.map { String($0.value, radix: 16) })") }
    if gridColumns(text, glyphs: glyphs) <= columns {
        if cut != text { fatalError("text that fits was truncated") }
    } else {
        guard cut.unicodeScalars.count >= glyphs.ellipsis.unicodeScalars.count,
              cut.unicodeScalars.suffix(glyphs.ellipsis.unicodeScalars.count).elementsEqual(glyphs.ellipsis.unicodeScalars)
        else { fatalError("truncated text does not end in the ellipsis") }
        let kept = cut.unicodeScalars.dropLast(glyphs.ellipsis.unicodeScalars.count)
        if !text.unicodeScalars.starts(with: kept) { fatalError("truncated text is not a prefix of the text") }
    }
}

/// Fitting: exactly the columns asked for, as the grid counts them.
private func checkFit(_ text: String, columns: Int, alignment: TextLayout.Alignment, glyphs: Glyphs) {
    let fitted = TextLayout.fit(text, to: columns, alignment: alignment, ellipsis: glyphs.ellipsis)
    let used = gridColumns(fitted, glyphs: glyphs)
    if used != max(0, columns) {
        fatalError("fit to \(columns) columns (\(alignment)) takes \(used): \(fitted.unicodeScalars.map { String($0.value, radix: 16) })")
    }
}

/// A write or fill on row `y` from `from` to `to` changes nothing else, but for blanking the
/// other half of a wide character it cut in two.
private func checkUntouchedOutside(_ before: Grid, _ after: Grid, y: Int, from: Int, to: Int) {
    for row in 0..<after.height {
        for column in 0..<after.width where after[column, row] != before[column, row] {
            let inside = row == y && column >= from && column < to
            let repairedEdge = row == y && (column == from - 1 || column == to) && after[column, row].text == " "
            if !inside && !repairedEdge { fatalError("cell \(column),\(row) changed outside \(from)..<\(to) on row \(y)") }
        }
    }
}
