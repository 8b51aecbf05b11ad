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

    @Test func helpSectionsFollowTheTableAndTheContextsAsked() {
        let sections = KeyMap.standard.helpSections(for: [.global, .synchronizers], readOnly: false)
        #expect(sections.map(\.title) == [BindingContext.global.title, BindingContext.synchronizers.title],
                "no text-field keys without a field context")
        let global = KeyMap.standard.bindings.filter { $0.context == .global }
        #expect(sections.first?.entries == global.map { HelpEntry(keys: $0.keys, help: $0.help) })
        let withField = KeyMap.standard.helpSections(for: [.filter], readOnly: false)
        #expect(withField.last?.title == KeyMap.textFieldSectionTitle)
        #expect(withField.last?.entries.contains(HelpEntry(keys: [.ctrl("u")], help: "Delete to the start")) == true)
        let readOnly = KeyMap.standard.helpSections(for: [.synchronizers], readOnly: true).flatMap(\.entries)
        #expect(!readOnly.contains { entry in KeyMap.standard.bindings.contains { $0.isMutating && $0.help == entry.help } })
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
        #expect(h.state.message?.text == "Read-only: space would enable or disable the selected row; nothing was sent")
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
        #expect(h.state.message?.text == "Read-only: keys that would change a server are off (--readonly)")
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
