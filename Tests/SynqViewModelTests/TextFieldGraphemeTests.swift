import Testing
@testable import SynqViewModel

/// A field's characters are always the grapheme clusters of its text, whatever joins or
/// splits them, so the renderer (which counts the clusters of the text) puts the cursor
/// where the next edit happens (found by Fuzz/run.sh textfield).
@Suite struct TextFieldGraphemeTests {
    @Test func aCombiningAccentTypedAfterItsLetterJoinsIt() {
        var field = TextField()
        field.apply(.character("e"))
        field.apply(.character("\u{301}"))
        #expect(field.count == 1 && field.cursor == 1)
        #expect(field.text?.unicodeScalars.map(\.value) == [0x65, 0x301])
        field.apply(.backspace)
        #expect(field.isEmpty, "Backspace removes the whole accented letter")
    }

    @Test func aPasteStartingWithAMarkJoinsTheCharacterBeforeIt() {
        var field = TextField("ab")
        field.apply(.paste("\u{301}e\u{301}"))
        #expect(field.count == 3, "a, b́ and é")
        #expect(field.count == field.text?.count)
        #expect(field.cursor == 3)
    }

    @Test func flagHalvesTypedOneByOneMakeOneFlag() {
        var field = TextField()
        field.apply(.character("🇺"))
        field.apply(.character("🇸"))
        #expect(field.count == 1 && field.cursor == 1)
        field.apply(.backspace)
        #expect(field.isEmpty, "Backspace never leaves half a flag")
    }

    @Test func deletingWhatSeparatedTwoHalvesJoinsThemAndKeepsTheCursorAfter() {
        var field = TextField("🇺x🇸")
        #expect(field.count == 3)
        field.apply(.left)
        field.apply(.backspace)
        #expect(field.count == 1 && field.text == "🇺🇸")
        #expect(field.cursor == 1, "the cursor no longer falls inside the flag")
    }

    @Test func typingBeforeAMarkThatStartsTheFieldPutsTheCursorAfterTheJoin() {
        var field = TextField("\u{301}x")
        field.apply(.home)
        field.apply(.character("a"))
        #expect(field.count == 2 && field.cursor == 1)
        #expect(field.text == "a\u{301}x")
    }
}
