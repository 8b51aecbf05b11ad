import Foundation
import SynqAPI
import Testing

/// A control character is shown as a visible escape (`\x1f`), whose last letter can complete a
/// secret the server sent without its first letter: the excerpt must not show the secret either
/// way. (Found by the decode fuzz target: the body `"id\xff\xff\xff\x1fuzz-secret-keyay ` with the
/// secret `fuzz-secret-key`.)
@Suite struct RedactorEscapeTests {
    static let secret = "fuzz-secret-key"
    let redactor = Redactor([Secret(Self.secret)])

    @Test(arguments: ["\u{1f}uzz-secret-key", "\"id\u{ff}\u{1f}uzz-secret-keyay ", "x\u{1f}uzz-secret-key and fuzz-secret-key"])
    func anEscapeThatCompletesASecretIsRedacted(body: String) {
        let excerpt = redactor.excerpt(Data(body.utf8))
        #expect(!excerpt.contains(Self.secret), "\(excerpt)")
        let prefix = redactor.prefix(body, limit: 200)
        #expect(!prefix.contains(Self.secret), "\(prefix)")
    }

    @Test func theBodysOwnBytesStillShowAroundIt() {
        let excerpt = redactor.excerpt(Data("error \u{1f}uzz-secret-key here".utf8))
        #expect(excerpt.hasPrefix("error "))
        #expect(excerpt.hasSuffix(" here"))
    }
}
