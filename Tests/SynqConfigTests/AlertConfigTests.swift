import Foundation
import SynqAPI
import SynqConfig
import SynqFiles
import SynqTestSupport
import Testing

@Suite("[alerts] in config.toml: the TUI's bell and status-bar flash for alarming changes")
struct AlertConfigTests {
    @Test("bell and flash are read; unset means nil (on)")
    func parsing() throws {
        let quiet = try ScratchHome(config: "[alerts]\nbell = false\n")
        let off = try CredentialStore(locations: quiet.locations).loadProfiles()
        #expect(off.alertBell == false)
        #expect(off.alertFlash == nil)
        let plain = try ScratchHome(config: "theme = \"light\"\n")
        let unset = try CredentialStore(locations: plain.locations).loadProfiles()
        #expect(unset.theme == "light", "the file was read")
        #expect(unset.alertBell == nil && unset.alertFlash == nil)
    }

    @Test("saving (as login does) keeps them")
    func saving() throws {
        let home = try ScratchHome(config: "[alerts]\nbell = false\nflash = true\n")
        let store = CredentialStore(locations: home.locations)
        var set = try store.load(passphrase: nil)
        try set.put(Profile(name: "lab", enterpriseURL: "http://127.0.0.1:3000/api"))
        try store.save(set)
        let again = try store.loadProfiles()
        #expect(again.alertBell == false)
        #expect(again.alertFlash == true)
    }

    @Test("a value that is not true or false is one line naming the key")
    func badValue() throws {
        let home = try ScratchHome(config: "[alerts]\nbell = \"loud\"\n")
        #expect {
            try CredentialStore(locations: home.locations).loadProfiles()
        } throws: { error in
            "\(error)".contains("alerts.bell: expected true or false")
        }
    }
}
