import Testing
import SynqText

@Suite struct TextLayoutTests {
    @Test func truncateIsWidthAware() {
        #expect(TextLayout.truncate("東京東京", to: 5) == "東京…")
        #expect(TextLayout.truncate("abc", to: 3) == "abc")
        #expect(TextLayout.truncate("abcd", to: 3) == "ab…")
        #expect(TextLayout.fit("東", to: 4, alignment: .right) == "  東")
        #expect(TextLayout.truncate(String(repeating: "x", count: 10_000), to: 8, ellipsis: "~") == "xxxxxxx~")
    }
}
