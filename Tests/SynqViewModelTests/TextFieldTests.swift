import SynqAPI
import Testing
@testable import SynqViewModel

@Suite struct TextFieldTests {
    @Test func typingMovesTheCursorAndInsertsAtIt() {
        var field = TextField()
        for c in "helo" { field.apply(.character(c)) }
        field.apply(.left)
        field.apply(.character("l"))
        #expect(field.text == "hello")
        #expect(field.cursor == 4)
        field.apply(.home)
        field.apply(.character(">"))
        field.apply(.end)
        field.apply(.character("!"))
        #expect(field.text == ">hello!")
        #expect(field.cursor == 7)
    }

    @Test func backspaceDeleteAndBounds() {
        var field = TextField("abc")
        field.apply(.backspace)
        #expect(field.text == "ab")
        field.apply(.delete)
        #expect(field.text == "ab", "delete at the end removes nothing")
        field.apply(.home)
        field.apply(.backspace)
        #expect(field.text == "ab", "backspace at the start removes nothing")
        field.apply(.delete)
        #expect(field.text == "b")
        field.apply(.left)
        #expect(field.cursor == 0)
        field.apply(.right)
        field.apply(.right)
        #expect(field.cursor == 1)
    }

    @Test func ctrlUKillsToTheStartAndCtrlWKillsAWord() {
        var field = TextField("alpha beta gamma")
        field.apply(.ctrl("w"))
        #expect(field.text == "alpha beta ")
        field.apply(.ctrl("w"))
        #expect(field.text == "alpha ")
        field = TextField("one two")
        field.apply(.left)
        field.apply(.left)
        field.apply(.ctrl("u"))
        #expect(field.text == "wo")
        #expect(field.cursor == 0)
    }

    @Test func pasteInsertsTheWholeStringWithoutControlCharacters() {
        var field = TextField("ab")
        field.apply(.left)
        field.apply(.paste("X\u{1b}[31mY\nZ\u{202E}"))
        #expect(field.text == "aX[31mY Zb", "the line break became a space; escape and bidi control left out")
        #expect(field.cursor == 9)
    }

    @Test func pastedLineBreaksAndTabsBecomeSpacesAndTheUserIsTold() {
        #expect(TextField.pasteable("a\tb\r\nc\n\n").text == "a b c", "runs become one space; a final break goes")
        #expect(TextField.pasteable("name\n").notice == nil, "a trailing line break is dropped without fuss")
        #expect(TextField.pasteable("a\u{7}b").notice == "Pasted as one line: 1 control character was left out")
        var h = Harness.loaded()
        h.press(.character("n"))
        h.send(.key(.paste("edge\tnode\n2")))
        guard case .prompt(let prompt)? = h.state.modal else { Issue.record("no prompt"); return }
        #expect(prompt.field.text == "edge node 2")
        #expect(h.state.message?.text == "Pasted as one line: line breaks or tabs became spaces")
        h.press(.escape, .character("/"))
        h.send(.key(.paste("a\nb")))
        #expect(h.state.synchronizers.filter.text == "a b")
        #expect(h.state.message?.text == "Pasted as one line: line breaks or tabs became spaces")
    }

    @Test func commandKeysAreNotConsumed() {
        var field = TextField("x")
        #expect(field.apply(.enter) == false)
        #expect(field.apply(.escape) == false)
        #expect(field.apply(.tab) == false)
        #expect(field.text == "x")
    }

    @Test func maskedFieldShowsOnlyBulletsAndGivesASecret() {
        var field = TextField(masked: true)
        field.apply(.paste("sk_live_123"))
        field.apply(.backspace)
        #expect(field.text == nil)
        #expect(field.display == String(repeating: "•", count: 10))
        #expect(field.secret.reveal() == "sk_live_12")
        #expect(!"\(field)".contains("sk_live"))
        #expect(!String(reflecting: field).contains("sk_live"))
        var dumped = ""
        dump(field, to: &dumped)
        #expect(!dumped.contains("sk_live"))
    }

    @Test func ctrlKKillsToTheEnd() {
        var field = TextField("abcdef")
        field.apply(.home)
        field.apply(.right)
        field.apply(.ctrl("k"))
        #expect(field.text == "a")
    }

    @Test func editingKeysNeverShadowFieldCommands() {
        let editing = TextField.bindings.flatMap(\.keys)
        #expect(Set(editing).count == editing.count)
        let commands = KeyMap.standard.bindings.filter { $0.context == .filter || $0.context == .prompt }.flatMap(\.keys)
        #expect(Set(editing).isDisjoint(with: commands))
    }
}
