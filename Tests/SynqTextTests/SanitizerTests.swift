import Foundation
import Testing
import SynqText

@Suite struct SanitizerTests {
    @Test func cleanEscapesEveryUnsafeScalarVisibly() {
        #expect(Sanitizer.clean("a\u{1B}[2Jb\u{7F}\u{9B}\u{202E}") == #"a\x1b[2Jb\x7f\x9b\u{202E}"#)
        #expect(Sanitizer.clean("東京 plain") == "東京 plain")
    }

    @Test func excerptIsCutAndCleaned() {
        #expect(Sanitizer.excerpt(Data()) == "(empty body)")
        #expect(Sanitizer.excerpt(Data("ab\u{1B}cd".utf8), limit: 4) == #"ab\x…"#)
    }
}
