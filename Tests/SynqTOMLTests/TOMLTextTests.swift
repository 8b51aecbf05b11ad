import Testing
@testable import SynqTOML

/// The one TOML entry point: malformed text is a `TOMLSyntaxError`, never an abort.
@Suite struct TOMLTextTests {
    struct Profiles: Codable, Equatable {
        var active: String?
        var profiles: [String: [String: String]]?
    }

    /// The inputs of the boundary issue that aborted `synq` through config.toml, plus a NUL.
    static let malformed: [String] = [
        "[!]\n", "[ é]\n", "[[[a]]]\n", "x = [}\n", String(repeating: "[", count: 1_048_576),
        "active = \"work\"\0[!]\n", "x = " + String(repeating: "[", count: 100_000),
    ]

    @Test(arguments: malformed)
    func malformedConfigIsASyntaxError(text: String) {
        #expect(throws: TOMLSyntaxError.self) { try TOMLText.decode(Profiles.self, from: text) }
        #expect(throws: TOMLSyntaxError.self) { try TOMLText.parse(text) }
    }

    @Test("a NUL is reported where it is, not silently ending the document")
    func nulIsReportedWithItsPlace() {
        #expect(throws: TOMLSyntaxError(line: 2, column: 3, message: "a NUL character is not allowed in TOML")) {
            try TOMLText.parse("a = 1\nb \0= 2\n")
        }
    }

    @Test("valid text decodes, parses to plain values and encodes back")
    func roundTrip() throws {
        let value = Profiles(active: "work", profiles: ["work": ["enterprise_url": "https://example.com/api"]])
        let text = try TOMLText.encode(value)
        #expect(try TOMLText.decode(Profiles.self, from: text) == value)
        let tree = try TOMLText.parse("n = 3\nf = 1.5\nb = true\nl = [1, \"x\"]\nd = 1979-05-27\n" + text)
        #expect(tree["active"] == .string("work"))
        #expect(tree["profiles"]?.table?["work"]?.table?["enterprise_url"]?.string == "https://example.com/api")
        #expect(tree["n"]?.integer == 3 && tree["f"] == .float(1.5) && tree["b"] == .boolean(true))
        #expect(tree["l"] == .array([.integer(1), .string("x")]))
        if case .dateTime = tree["d"] {} else { Issue.record("a date is a dateTime node") }
    }

    @Test("a well-formed document of the wrong shape is a DecodingError, not a syntax error")
    func wrongShapeIsADecodingError() {
        #expect(throws: DecodingError.self) { try TOMLText.decode(Profiles.self, from: "active = 5\n") }
    }
}
