import Foundation
import SynqConfig
import SynqTestSupport
import Testing

@Suite("[ui] in config.toml: mouse = false leaves the mouse to the terminal, as --no-mouse")
struct UIConfigTests {
    @Test("mouse is read; unset means nil (on)")
    func parsing() throws {
        let quiet = try ScratchHome(config: "[ui]\nmouse = false\n")
        let off = try CredentialStore(locations: quiet.locations).loadProfiles()
        #expect(off.uiMouse == false)
        let plain = try ScratchHome(config: "theme = \"light\"\n")
        let unset = try CredentialStore(locations: plain.locations).loadProfiles()
        #expect(unset.theme == "light", "the file was read")
        #expect(unset.uiMouse == nil)
    }

    @Test("saving (as login does) keeps it, and writes no [ui] where none was set")
    func saving() throws {
        let home = try ScratchHome(config: "[ui]\nmouse = false\n")
        let store = CredentialStore(locations: home.locations)
        var set = try store.load(passphrase: nil)
        try set.put(Profile(name: "lab", enterpriseURL: "http://127.0.0.1:3000/api"))
        try store.save(set)
        #expect(try store.loadProfiles().uiMouse == false)
        let plain = try ScratchHome(config: "theme = \"light\"\n")
        let plainStore = CredentialStore(locations: plain.locations)
        try plainStore.save(try plainStore.load(passphrase: nil))
        let written = try String(contentsOfFile: plain.locations.profilesFile, encoding: .utf8)
        #expect(!written.split(separator: "\n").contains("[ui]"), "\(written)")
    }

    @Test("a value that is not true or false is one line naming the key")
    func badValue() throws {
        let home = try ScratchHome(config: "[ui]\nmouse = \"off\"\n")
        #expect {
            try CredentialStore(locations: home.locations).loadProfiles()
        } throws: { error in
            "\(error)".contains("ui.mouse: expected true or false") && !"\(error)".contains("\n")
        }
    }
}
