import Foundation
import SynqAPI
import SynqJournal
import SynqSandbox
import SynqTestSupport
import Testing

/// Fleet memory through the real binary in a real terminal: a toggle made in the TUI is
/// journalled with origin `synq`, a change made behind its back (the sandbox's control
/// routes) with origin `observed` and an alert; both show on the Events pane (`4`) and are
/// in the journal file (0600, no secret in it) after quitting.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux or perl is missing; apt-get install tmux to run the terminal end-to-end tests"))
struct EventsEndToEndTests {
    @Test func ownTogglesAreSynqOutsideChangesAreObservedAndBothAreKept() async throws {
        try await TUIEndToEndTests.withTUI(width: 120, height: 30) { sandbox, tmux in
            let client = try TUIEndToEndTests.enterprise(sandbox)
            let list = try await client.listSynchronizers().synchronizers
            let mine = try #require(TUIEndToEndTests.enabledWithSimpleName(list))
            let theirs = try #require(list.first { $0.isEnabled == true && $0.id != mine.id && !$0.name.contains(" ") })
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok)

            // synq's own toggle.
            try await TUIEndToEndTests.disable(mine.name, in: tmux)
            try await tmux.send("Escape")

            // Someone else disables another one.
            try await tmux.send("4")
            let answer = try await sandbox.raw("PUT", "/__sandbox/synchronizers/\(theirs.id)", headers: ["Content-Type": "application/json"],
                                               body: #"{"isEnabled": false}"#)
            #expect(answer.status == 200)
            let shown = try await tmux.waitForScreen { $0.contains(theirs.name) && $0.contains("observed") && $0.contains(mine.name) }
            #expect(shown.ok, "both changes on the Events pane:\n\(shown.screen)")
            let lines = shown.screen.split(separator: "\n")
            #expect(lines.contains { $0.contains(mine.name) && $0.contains("disabled") && $0.contains("synq") }, "\(shown.screen)")
            #expect(lines.contains { $0.contains(theirs.name) && $0.contains("disabled") && $0.contains("observed") })
            #expect(shown.screen.contains("Alert: synchronizer \(theirs.name) disabled by someone else"), "the outside disable flashes:\n\(shown.screen)")
            let newestFirst = lines.firstIndex { $0.contains(theirs.name) } ?? 0
            let older = lines.firstIndex { $0.contains(mine.name) && $0.contains("synq") } ?? 0
            #expect(newestFirst < older, "newest first")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)

            let folder = tmux.directory.path(".local/state/synq")
            let location = JournalLocation(directory: folder)
            let events = try await JournalReader.events(EventQuery(), at: location)
            #expect(events.count == 2, "the baseline is not journalled: \(events.map(\.line))")
            #expect(events.first { $0.itemID == mine.id }?.origin == .synq)
            #expect(events.first { $0.itemID == theirs.id }?.origin == .observed)
            #expect(events.allSatisfy { $0.profile == "default" })

            let file = folder + "/journal.sqlite"
            let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
            let folderMode = (try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? NSNumber)?.intValue
            #expect(folderMode == 0o700)
            // No secret in any of the journal's files: not the synq keys of the fleet, not the API keys.
            var bytes = Data()
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                bytes += (try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) ?? Data()
            }
            #expect(!bytes.isEmpty)
            for secret in list.map(\.key) + [SandboxCredentials.demoEnterpriseKey, SandboxCredentials.demoSynvoKey] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "a secret is in the journal")
            }
            #expect(bytes.range(of: Data(mine.id.utf8)) != nil, "the search itself finds what is there")
        }
    }

    @Test func aKeyRevokedElsewhereRingsTheBellAndShowsItsHistory() async throws {
        try await TUIEndToEndTests.withTUI(width: 120, height: 30) { sandbox, tmux in
            let synvo = try TUIEndToEndTests.synvo(sandbox)
            // Not the key synq polls with (revoking that one would stop the polls).
            let key = try #require(try await synvo.listKeys().value.items.first { $0.name == "CI pipeline" && $0.status == .active })
            try await tmux.send("3")
            #expect(try await tmux.waitForScreen(containing: "Synvo keys (").ok)
            let answer = try await sandbox.raw("PUT", "/__sandbox/synvo-keys/\(key.keyID)", headers: ["Content-Type": "application/json"],
                                               body: #"{"status": "REVOKED"}"#)
            #expect(answer.status == 200)
            let alert = try await tmux.waitForScreen(containing: "Alert: key \(key.name ?? "") REVOKED", timeout: .seconds(40))
            #expect(alert.ok, "the revoked key flashes:\n\(alert.screen)")
            #expect(try await tmux.bellRang(), "and rings the bell")
            // Its history from the keys pane: H on the row.
            try await tmux.send("/")
            try await tmux.type(key.keyID)
            try await tmux.send("Enter")
            try await tmux.send("H")
            let history = try await tmux.waitForScreen { $0.contains("Events (1/") && $0.contains("REVOKED") }
            #expect(history.ok, "the key's history:\n\(history.screen)")
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
        }
    }

    @Test func aDamagedJournalIsOneLineAndTheTUIGoesOnWithoutHistory() async throws {
        let state = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: state.path("synq"), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let garbage = Data(repeating: 0x41, count: 8192)
        #expect(FileManager.default.createFile(atPath: state.path("synq/journal.sqlite"), contents: garbage, attributes: [.posixPermissions: 0o600]))
        let sandbox = try await RunningSandbox.start(.forTesting())
        let tmux = try await TmuxHarness(arguments: ["tui", "--refresh", "1"], environment: [
            "ENTERPRISE_API_KEY": SandboxCredentials.demoEnterpriseKey,
            "ENTERPRISE_API_URL": sandbox.enterpriseURL.absoluteString,
            "SYNVO_API_KEY": SandboxCredentials.demoSynvoKey,
            "SYNVO_BASE_URL": sandbox.synvoURL.absoluteString,
            "XDG_STATE_HOME": state.url.path,
        ], width: 120, height: 30)
        do {
            let warned = try await tmux.waitForScreen { $0.contains("No history kept") && $0.contains("damaged") }
            #expect(warned.ok, "one line says why:\n\(warned.screen)")
            #expect(try await tmux.waitForScreen(containing: "Synchronizers (40)").ok, "and the fleet is shown")
            let list = try await TUIEndToEndTests.enterprise(sandbox).listSynchronizers().synchronizers
            let target = try #require(list.first { $0.isEnabled == true && !$0.name.contains(" ") })
            try await tmux.send("4")
            let answer = try await sandbox.raw("PUT", "/__sandbox/synchronizers/\(target.id)", headers: ["Content-Type": "application/json"],
                                               body: #"{"isEnabled": false}"#)
            #expect(answer.status == 200)
            let shown = try await tmux.waitForScreen { $0.contains(target.name) && $0.contains("observed") }
            #expect(shown.ok, "changes are still shown:\n\(shown.screen)")
            #expect(shown.screen.contains("no history kept"))
            try await tmux.send("q")
            #expect(try await tmux.exitStatus() == 0)
            #expect(FileManager.default.contents(atPath: state.path("synq/journal.sqlite")) == garbage, "the file is left as it was")
        } catch {
            await tmux.close()
            await sandbox.stop()
            throw error
        }
        await tmux.close()
        await sandbox.stop()
    }
}
