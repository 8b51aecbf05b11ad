import Testing
@testable import SynqTOML

/// Malformed TOML that makes the toml++ inside TOMLKit assert (a debug build aborts) is a
/// syntax error from the one entry point instead (found by Fuzz/run.sh theme).
@Suite struct TOMLPrecheckTests {
    @Test(arguments: [
        ("[!]\n", 1, 2), ("[styles]\nbase = {}\n[ é]\n", 3, 3), ("[[[title]]]\n", 1, 3), ("name = \"x\"\n[\nstyles]\n", 2, 2),
        ("[\u{7f}]", 1, 2), ("[[=]]", 1, 3), ("  [\t#x]", 1, 5), ("\u{FEFF}[,]", 1, 2),
        ("[styles]\nbase = { attrs = [\"bold\",} }\n", 2, 26), ("x = [}", 1, 6), ("x = [\n  1, # one\n  [ }\n]", 3, 5),
        ("a = 1979-05-27T:", 1, 16), ("n = 1980-05-r7 1\n", 1, 16), ("x = [1979-05-27 0]", 1, 17),
    ])
    func assertingInputIsASyntaxErrorNotACrash(text: String, line: Int, column: Int) {
        let problem = TOMLPrecheck.firstProblem(in: text)
        #expect(problem?.line == line && problem?.column == column)
        #expect {
            try TOMLText.parse(text)
        } throws: { error in
            guard let error = error as? TOMLSyntaxError else { return false }
            return error.line == line && error.column == column
        }
    }

    @Test(arguments: [
        "[styles]\nbase = { fg = \"red\" }\n",
        "\u{FEFF}[styles]\n",
        "[ \"quoted name\" ]\n['literal']\n[[array]]\n[a.b-c_9]\n",
        "x = [\n  [+1],\n  [{ a = 1 }],\n  [[1]],\n  \"[!]\",\n  \"}\", # [ }\n]\n",
        "x = [ {}, { a = [1, 2] }, ]\n",
        "description = \"\"\"\n[!]\n\"\"\"\n[styles]\n",
        "description = '''\n[=]\n'''\n",
        "d = \"\"\"a \\\n[!] b\"\"\"\n",
        "# [!] in a comment\nq = \"]\" # ] [\n[styles]\n",
        "s = \"\"\"\"quoted\"\"\"\"\n[t]\n",
        "d = 1979-05-27 07:32:00Z\nt = 1979-05-27T07:32:00\nl = 1979-05-27 # c\nk = [1979-05-27 , 2]\n1979-05-27T10 = 1\n",
        "[]\n", "[", "[ ]",
    ])
    func validTextAndOtherErrorsAreLeftToTOMLKit(text: String) {
        #expect(TOMLPrecheck.firstProblem(in: text) == nil)
    }
}
