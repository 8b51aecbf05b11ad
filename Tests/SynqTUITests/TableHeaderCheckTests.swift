import Testing
@testable import SynqTUI

/// A table header whose name starts with a character no key can start with makes the
/// toml++ inside TOMLKit assert (a debug build aborts); ThemeParser reports it instead
/// (found by Fuzz/run.sh theme).
@Suite struct TableHeaderCheckTests {
    @Test(arguments: [
        ("[!]\n", 1, 2), ("[styles]\nbase = {}\n[ é]\n", 3, 3), ("[[[title]]]\n", 1, 3), ("name = \"x\"\n[\nstyles]\n", 2, 2),
        ("[\u{7f}]", 1, 2), ("[[=]]", 1, 3), ("  [\t#x]", 1, 5),
    ])
    func aBadHeaderIsASyntaxErrorNotACrash(text: String, line: Int, column: Int) {
        #expect(TableHeaderCheck.firstBadHeader(in: text)?.line == line)
        #expect(TableHeaderCheck.firstBadHeader(in: text)?.column == column)
        #expect {
            try ThemeParser.parse(text, name: "bad", source: "bad.toml")
        } throws: { error in
            guard case .syntax(let source, let l, let c, _) = error as? ThemeError else { return false }
            return source == "bad.toml" && l == line && c == column
        }
    }

    @Test(arguments: [
        "[styles]\nbase = { fg = \"red\" }\n",
        "[ \"quoted name\" ]\n['literal']\n[[array]]\n[a.b-c_9]\n",
        "x = [\n  [+1],\n  [{ a = 1 }],\n  [[1]],\n  \"[!]\",\n]\n",
        "description = \"\"\"\n[!]\n\"\"\"\n[styles]\n",
        "description = '''\n[=]\n'''\n",
        "d = \"\"\"a \\\n[!] b\"\"\"\n",
        "# [!] in a comment\nq = \"]\" # ] [\n[styles]\n",
        "s = \"\"\"\"quoted\"\"\"\"\n[t]\n",
        "[]\n", "[", "[ ]",
    ])
    func validTextAndOtherErrorsAreLeftToTOMLKit(text: String) {
        #expect(TableHeaderCheck.firstBadHeader(in: text) == nil)
    }
}
