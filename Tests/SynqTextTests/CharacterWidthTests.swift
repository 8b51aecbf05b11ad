import Testing
import SynqText

@Suite struct CharacterWidthTests {
    @Test(arguments: [
        ("a", 1), ("漢", 2), ("Ａ", 2), ("한", 2), ("👍", 2), ("🚀", 2), ("e\u{301}", 1), ("\u{301}", 0),
        ("\u{200B}", 0), ("é", 1), ("€", 1), ("─", 1), ("ア", 2), ("ｱ", 1), ("👨‍👩‍👧", 2),
    ])
    func characterWidth(text: String, expected: Int) {
        #expect(CharacterWidth.of(Character(text)) == expected)
    }

    @Test func stringWidth() {
        #expect(CharacterWidth.of("東京 tokyo") == 10)
        #expect(CharacterWidth.of("") == 0)
    }
}
