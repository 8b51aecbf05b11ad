import Foundation
import SynqAPI
@testable import SynqTUI
@testable import SynqViewModel
import SynqText

// libFuzzer target: a TextField edited by a key sequence decoded from the input, checked
// after every key against a reference model, then drawn by TextFieldView.
//
// The model: the field is its text's sequence of graphemes (extended grapheme clusters) and
// a cursor between two of them. Typing or pasting inserts the text minus every grapheme
// holding a control character; Backspace/Delete remove one grapheme; Ctrl-U/K kill to the
// start/end; Ctrl-W removes the spaces and then the word before the cursor; the arrows,
// Home and End move. Where an edit joins graphemes around the cursor (a combining accent
// typed after "e", two halves of a flag brought together), the cursor lands after the joined
// grapheme. Keys that are not editing keys change nothing and `apply` returns false.
//
// Input: byte 0 = masked (bit 0), ASCII glyphs (bit 1), view width (bits 2-7, 1…64), byte 1
// = label; then one key per opcode byte, some opcodes taking operand bytes.

private let labels = ["", "/", "Name:", "Synvo API key", "東京の名前", "a\u{301}", "very long label for a narrow field"]

/// Graphemes whose neighbours matter: marks, joiners, flag halves, Hangul jamo, a prepended
/// mark, wide and zero-width characters, and controls the field must drop.
private let tricky: [String] = [
    "e", "\u{301}", "e\u{301}", "\u{200D}", "👨", "👩", "👨‍👩‍👧", "🇺", "🇸", "🇫", "🇺🇸", "\u{FE0F}", "❤", "👍", "\u{1F3FB}",
    "\u{1100}", "\u{1161}", "\u{11A8}", "한", "\u{0600}", "東", "Ａ", " ", "\u{3000}", "\u{200B}", "\u{AD}", "\u{E0041}",
    "\t", "\u{1B}", "\u{202E}", "\r\n", "\n", "\r", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "a", "-", "_", "•",
]

private let editKeys: [KeyPress] = [
    .left, .right, .home, .end, .backspace, .delete,
    .ctrl("a"), .ctrl("e"), .ctrl("u"), .ctrl("k"), .ctrl("w"), .ctrl("b"), .ctrl("f"), .ctrl("h"), .ctrl("d"),
]
private let otherKeys: [KeyPress] = [
    .enter, .escape, .tab, .backTab, .up, .down, .pageUp, .pageDown, .function(1), .ctrl("x"), .ctrl("c"), .ctrl("l"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextField(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var input = Input(UnsafeRawBufferPointer(start: start, count: count))
    guard let flags = input.next(), let labelByte = input.next() else { return 0 }
    let masked = flags & 1 == 1
    let glyphs: Glyphs = flags & 2 == 0 ? .unicode : .ascii
    let width = Int(flags >> 2) + 1
    let label = labels[Int(labelByte) % labels.count]

    var field = TextField(masked: masked)
    var model = Model()
    check(field, model, masked: masked)
    var steps = 0
    while let opcode = input.next(), steps < 200 {
        steps += 1
        let key: KeyPress
        switch opcode % 8 {
        case 0: key = .character(Character(Unicode.Scalar(0x20 + (input.next() ?? 0) % 95)))
        case 1: key = .character(Character(tricky[Int(input.next() ?? 0) % tricky.count]))
        case 2:
            let value = (UInt32(input.next() ?? 0) << 16 | UInt32(input.next() ?? 0) << 8 | UInt32(input.next() ?? 0)) % 0x11_0000
            guard let scalar = Unicode.Scalar(value) else { continue }
            key = .character(Character(scalar))
        case 3: key = .paste(String(decoding: input.take(Int(input.next() ?? 0) % 24), as: UTF8.self))
        case 4: key = .paste(tricky[Int(input.next() ?? 0) % tricky.count] + tricky[Int(input.next() ?? 0) % tricky.count])
        case 5, 6: key = editKeys[Int(opcode >> 3) % editKeys.count]
        default:
            if opcode >> 3 == 31 {
                field.clear()
                model = Model()
                check(field, model, masked: masked)
                continue
            }
            key = otherKeys[Int(opcode >> 3) % otherKeys.count]
        }
        let before = field
        let handled = field.apply(key)
        if handled != model.apply(key) { fatalError("apply(\(key)) returned \(handled)") }
        if !handled && field != before { fatalError("a key that is not an editing key changed the field") }
        check(field, model, masked: masked)
    }
    if masked { checkHidden(field) }
    draw(field, label: label, width: width, glyphs: glyphs)
    return 0
}

/// A masked field's text is in no description or dump. (Compared with a stand-in field of the
/// same shape, so text like "true" is no false alarm.)
private func checkHidden(_ field: TextField) {
    let full = field.secret.reveal()
    if field.description != "TextField(<masked>)" { fatalError("masked description shows the text") }
    var standIn = TextField(String(repeating: "x", count: field.count), masked: true)
    for _ in field.cursor..<field.count { standIn.apply(.left) }
    if dumped(field).contains(full) && !dumped(standIn).contains(full) { fatalError("dump of a masked field shows the text") }
}

/// The field agrees with the model, and with itself (text, display, count, secret).
private func check(_ field: TextField, _ model: Model, masked: Bool) {
    let full = field.secret.reveal()
    let graphemes = Array(full)
    if !full.unicodeScalars.elementsEqual(model.text.unicodeScalars) {
        fatalError("text \(scalars(full)) but the model has \(scalars(model.text))")
    }
    if field.count != graphemes.count { fatalError("count \(field.count) but the text has \(graphemes.count) graphemes \(scalars(full))") }
    if field.cursor != model.cursor { fatalError("cursor \(field.cursor) but the model has \(model.cursor) in \(scalars(full))") }
    if field.cursor < 0 || field.cursor > field.count { fatalError("cursor \(field.cursor) outside 0…\(field.count)") }
    if field.isEmpty != full.isEmpty { fatalError("isEmpty disagrees with the text") }
    if full.unicodeScalars.contains(where: Sanitizer.isUnsafe) { fatalError("a control character got into the field") }
    if masked {
        if field.text != nil { fatalError("a masked field exposes its text") }
        if field.display != String(repeating: TextField.bullet, count: field.count) { fatalError("masked display is not one bullet per character") }
    } else {
        if field.text != full || field.display != full { fatalError("text or display differ from the content") }
    }
}

/// Draws the field; the cursor sits between the right two characters, nothing is drawn
/// outside the field's width, a masked field shows only bullets.
private func draw(_ field: TextField, label: String, width: Int, glyphs: Glyphs) {
    let x = 2, y = 1
    var grid = Grid(width: width + 4, height: 3, glyphs: glyphs)
    let blank = grid
    let cursor = TextFieldView.draw(label: label, field: field, into: &grid, x: x, y: y, width: width)
    checkIntegrity(grid, "after drawing the field")
    if cursor.y != y || cursor.x < x || cursor.x > x + width - 1 { fatalError("cursor \(cursor) outside the field (x \(x), width \(width))") }
    for row in 0..<grid.height {
        for column in 0..<grid.width where grid[column, row] != blank[column, row] {
            if row != y || column < x || column >= x + width { fatalError("drawing the field changed cell \(column),\(row) outside it") }
        }
    }
    var labelGrid = Grid(width: width + 4, height: 1, glyphs: glyphs)
    let used = label.isEmpty ? 0 : labelGrid.write(label + " ", x: x, y: 0, role: .prompt, maxWidth: width)
    guard used < width else { return }
    let fieldCells = (x + used)..<(x + width)
    let shown = Array(Grid.displayable(field.display, glyphs: glyphs))
    if field.isMasked {
        let bullet = glyphs.unicode ? String(TextField.bullet) : "?"
        let bullets = fieldCells.filter { grid[$0, y].text == bullet }.count
        if fieldCells.contains(where: { grid[$0, y].text != bullet && grid[$0, y].text != " " }) { fatalError("a masked field shows something besides bullets") }
        let room = width - used
        if bullets > min(field.count, room) || bullets < min(field.count, room - 1) {
            fatalError("masked field shows \(bullets) bullets for \(field.count) characters in \(room) columns")
        }
    }
    // The cursor is drawn just after the character before it and on the character after it.
    if field.cursor > 0, cursor.x > x + used, !cell(grid, endingAt: cursor.x - 1, y: y, shows: shown[field.cursor - 1]) {
        fatalError("the cell before the cursor (\(cursor.x - 1)) does not show the character before it: \(scalars(String(shown)))")
    }
    if field.cursor < shown.count, !cell(grid, at: cursor.x, y: y, shows: shown[field.cursor]) {
        fatalError("the cell under the cursor (\(cursor.x)) does not show the character after it: \(scalars(String(shown)))")
    }
}

private func dumped(_ field: TextField) -> String {
    var text = ""
    dump(field, to: &text)
    return text
}

private func cell(_ grid: Grid, at x: Int, y: Int, shows character: Character) -> Bool {
    let text = grid[x, y].text
    return text == String(character) || text == " " + String(character) || (CharacterWidth.of(character) == 2 && text == " ")
}

private func cell(_ grid: Grid, endingAt x: Int, y: Int, shows character: Character) -> Bool {
    grid[x, y].isContinuation ? cell(grid, at: x - 1, y: y, shows: character) : cell(grid, at: x, y: y, shows: character)
}

private func scalars(_ text: String) -> [String] { text.unicodeScalars.map { String($0.value, radix: 16) } }

/// The specification, on the text's graphemes.
private struct Model {
    var text = ""
    var cursor = 0

    mutating func apply(_ key: KeyPress) -> Bool {
        var graphemes = Array(text)
        var before = Array(graphemes[..<cursor]), after = Array(graphemes[cursor...])
        switch key {
        case .character(let c): before.append(contentsOf: Array(Self.clean(String(c))))
        case .paste(let pasted): before.append(contentsOf: Array(Self.clean(pasted)))
        case .left, .ctrl("b"): if !before.isEmpty { after.insert(before.removeLast(), at: 0) }
        case .right, .ctrl("f"): if !after.isEmpty { before.append(after.removeFirst()) }
        case .home, .ctrl("a"): after = before + after; before = []
        case .end, .ctrl("e"): before += after; after = []
        case .backspace, .ctrl("h"): if !before.isEmpty { before.removeLast() }
        case .delete, .ctrl("d"): if !after.isEmpty { after.removeFirst() }
        case .ctrl("u"): before = []
        case .ctrl("k"): after = []
        case .ctrl("w"):
            while let last = before.last, last.isWhitespace { before.removeLast() }
            while let last = before.last, !last.isWhitespace { before.removeLast() }
        default: return false
        }
        let prefix = String(before)
        text = prefix + String(after)
        // The cursor: the first grapheme boundary at or after the end of `before`.
        graphemes = Array(text)
        var offset = 0
        cursor = 0
        while cursor < graphemes.count, offset < prefix.unicodeScalars.count {
            offset += graphemes[cursor].unicodeScalars.count
            cursor += 1
        }
        return true
    }

    static func clean(_ text: String) -> String {
        text.filter { !$0.unicodeScalars.contains(where: Sanitizer.isUnsafe) }
    }
}

/// Reads the fuzz input a byte at a time.
private struct Input {
    let bytes: [UInt8]
    var position = 0
    init(_ buffer: UnsafeRawBufferPointer) { bytes = Array(buffer) }
    mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }
    mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.count, position + count)
        defer { position = end }
        return bytes[position..<end]
    }
}
