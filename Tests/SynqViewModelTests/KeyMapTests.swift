import SynqAPI
import Testing
@testable import SynqViewModel

@Suite struct KeyMapTests {
    @Test func everyBindingHasHelpAndNoKeyIsBoundTwiceInOneContext() {
        for context in BindingContext.allCases {
            let keys = KeyMap.standard.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
        }
        #expect(KeyMap.standard.bindings.allSatisfy { !$0.help.isEmpty && !$0.keys.isEmpty })
    }

    @Test func helpIsGeneratedFromTheSameTable() {
        let sections = KeyMap.standard.helpSections(readOnly: false)
        let lines = sections.dropLast().flatMap(\.entries)
        #expect(lines.count == KeyMap.standard.bindings.count)
        #expect(sections.last?.title == KeyMap.textFieldSectionTitle)
        #expect(sections.last?.entries.count == TextField.bindings.count + 1)
        #expect(sections.last?.entries.contains(HelpEntry(keys: "Ctrl-U", help: "Delete to the start")) == true)
        #expect(lines.contains(HelpEntry(keys: "space", help: "Enable/disable (marked rows if any; disabling asks first)")))
        #expect(sections.map(\.title).first == "Everywhere")
    }

    @Test func readOnlyHelpLeavesOutMutatingBindings() {
        let lines = KeyMap.standard.helpSections(readOnly: true).dropLast().flatMap(\.entries)
        let mutating = KeyMap.standard.bindings.filter(\.isMutating)
        #expect(!mutating.isEmpty)
        #expect(lines.count == KeyMap.standard.bindings.count - mutating.count)
        #expect(!lines.contains { $0.help.hasPrefix("Create") })
    }

    @Test func lookupPrefersTheMostSpecificContext() {
        let map = KeyMap.standard
        #expect(map.command(for: .character("n"), in: [.synchronizers, .table, .global], readOnly: false) == .create)
        #expect(map.command(for: .character("n"), in: [.confirm], readOnly: false) == .deny)
        #expect(map.command(for: .character("q"), in: [.keyModal], readOnly: false) == .cancel)
        #expect(map.command(for: .character("q"), in: [.keys, .table, .global], readOnly: false) == .quit)
        #expect(map.command(for: .character("j"), in: [.filter], readOnly: false) == nil)
    }

    @Test func readOnlyUnbindsMutatingKeysAndSaysSo() {
        var h = Harness.loaded(settings: ViewModelSettings(readOnly: true))
        #expect(h.state.isReadOnly)
        let effects = h.press(.space)
        #expect(effects.isEmpty)
        #expect(h.state.modal == nil)
        #expect(h.state.message?.text.hasPrefix("read-only") == true)
        #expect(h.press(.character("n")).isEmpty)
        #expect(h.state.modal == nil)
        h.press(.character("3"))
        h.press(.character("n"))
        #expect(h.state.modal == nil)
        // Non-mutating keys still work.
        h.press(.character("1"), .character("j"))
        #expect(h.state.synchronizers.selectedIndex == 1)
        #expect(h.press(.character("c")) == [.copyToClipboard(Secret(h.state.synchronizers.selected!.key), .synchronizerKey(id: h.state.synchronizers.selected!.id))])
    }

    @Test func readOnlyStartSaysSoInTheStatusBar() {
        var h = Harness(settings: ViewModelSettings(readOnly: true))
        h.send(.start)
        #expect(h.state.message?.text.contains("read-only") == true)
    }

    @Test func panesSwitchByNumberAndTab() {
        var h = Harness.loaded()
        h.press(.character("2"))
        #expect(h.state.pane == .preferences)
        h.press(.tab)
        #expect(h.state.pane == .keys)
        h.press(.tab)
        #expect(h.state.pane == .events)
        h.press(.tab)
        #expect(h.state.pane == .synchronizers)
        h.press(.backTab)
        #expect(h.state.pane == .events)
        h.press(.character("1"))
        #expect(h.state.pane == .synchronizers)
    }

    @Test func helpTogglesAndSwallowsOtherKeys() {
        var h = Harness.loaded()
        h.press(.character("?"))
        #expect(h.state.isHelpVisible)
        #expect(h.press(.character("q")).isEmpty, "q closes help rather than quitting")
        #expect(!h.state.isHelpVisible)
        #expect(!h.state.quitRequested)
        h.press(.character("?"), .character("j"))
        #expect(h.state.synchronizers.selectedIndex == 0)
        h.press(.escape)
        #expect(!h.state.isHelpVisible)
    }

    @Test func quitAsksTheLoopToEnd() {
        var h = Harness.loaded()
        #expect(h.press(.character("q")).isEmpty, "nothing to run: the TUI loop ends on quitRequested")
        #expect(h.state.quitRequested)
        #expect(h.state.nextWake() == nil)
    }
}
