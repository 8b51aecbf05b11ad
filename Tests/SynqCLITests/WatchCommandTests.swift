import Foundation
import SynqAPI
import SynqSandbox
import SynqTestSupport
import Testing

/// `synq watch` and `synq events` against a real sandbox whose control routes change the
/// fleet behind synq's back.
@Suite struct WatchCommandTests {
    static let synchronizersRoute = "/api/synq-keys/enterprise/synchronizers"
    static let keysRoute = "/user/api_keys/list"

    private func decode(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    /// Waits until both lists have been polled `count` more times than now.
    private func waitForPolls(_ sandbox: RunningSandbox, _ count: Int) async -> Bool {
        let synchronizers = await sandbox.countedRequests(on: Self.synchronizersRoute)
        let keys = await sandbox.countedRequests(on: Self.keysRoute)
        return await eventually(timeout: .seconds(30)) {
            let s = await sandbox.countedRequests(on: Self.synchronizersRoute)
            let k = await sandbox.countedRequests(on: Self.keysRoute)
            return s >= synchronizers + count && k >= keys + count
        }
    }

    private func change(_ sandbox: RunningSandbox, _ path: String, _ body: String) async throws {
        let answer = try await sandbox.raw("PUT", "/__sandbox/" + path, headers: ["Content-Type": "application/json"], body: body)
        #expect(answer.status == 200)
    }

    @Test func outsideChangesPrintOneLineEachAndAreJournalledAsObserved() async throws {
        // A roomy Synvo budget, so the keys are polled every second like the synchronizers.
        try await withSandbox(SandboxConfiguration(port: 0, fleetSize: 40, rateLimit: 1000, logLevel: .critical)) { sandbox in
            try await sandbox.countRequests(on: Self.synchronizersRoute)
            try await sandbox.countRequests(on: Self.keysRoute)
            let state = try TemporaryDirectory()
            var env = sandbox.environment()
            env["XDG_STATE_HOME"] = state.path("state")
            let watch = try BackgroundSynq(["watch", "--json", "--refresh", "1"], environment: env)

            // The baseline and an unchanged poll print nothing.
            #expect(await waitForPolls(sandbox, 2))
            #expect(watch.lines.isEmpty)

            let first = try #require(try await sandbox.enterprise().listSynchronizers().synchronizers.first { $0.isEnabled == true })
            // Not the key synq polls with (revoking that one would stop the polls).
            let keys = try await sandbox.synvo().listKeys().value.items
            let keyID = try #require(keys.first { $0.name == "CI pipeline" && $0.status == .active }?.keyID)
            let unusedID = try #require(keys.first { $0.lastUsedAt == nil && $0.status == .active }?.keyID)
            try await change(sandbox, "synchronizers/\(first.id)", #"{"isEnabled": false}"#)
            try await change(sandbox, "synvo-keys/\(keyID)", #"{"status": "REVOKED"}"#)
            try await change(sandbox, "synvo-keys/\(unusedID)", #"{"lastUsedAt": "2026-01-02T03:04:05Z"}"#)

            #expect(await eventually(timeout: .seconds(30)) { watch.lines.count >= 3 })
            // More polls with nothing new: still exactly one line per change.
            #expect(await waitForPolls(sandbox, 2))
            let lines = watch.lines
            #expect(lines.count == 3, "\(lines)")
            let events = lines.compactMap(decode)
            #expect(events.count == 3)
            let disabled = events.first { $0["resource"] as? String == "synchronizer" }
            #expect(disabled?["id"] as? String == first.id)
            #expect(disabled?["kind"] as? String == "disabled")
            #expect(disabled?["origin"] as? String == "observed")
            let revoked = events.first { $0["id"] as? String == keyID }
            #expect(revoked?["kind"] as? String == "status-changed")
            #expect(revoked?["old"] as? String == "ACTIVE")
            #expect(revoked?["new"] as? String == "REVOKED")
            #expect(revoked?["origin"] as? String == "observed")
            let used = events.first { $0["id"] as? String == unusedID }
            #expect(used?["kind"] as? String == "last-used")
            #expect(used?["old"] == nil)
            #expect(used?["new"] as? String == "2026-01-02T03:04:05Z")
            // No synq key of any synchronizer is in what was printed.
            #expect(!watch.stdout.contains(first.key))

            watch.signal(SIGINT)
            #expect(await watch.waitForExit() == 0)
            #expect(watch.stderr.isEmpty, "\(watch.stderr)")

            // The journal kept them, privately.
            let journal = state.path("state/synq/journal.sqlite")
            #expect((try FileManager.default.attributesOfItem(atPath: journal)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect((try FileManager.default.attributesOfItem(atPath: state.path("state/synq"))[.posixPermissions] as? NSNumber)?.intValue == 0o700)
            let all = try await SynqBinary.run(["events", "--json", "--since", "all"], environment: ["XDG_STATE_HOME": state.path("state")])
            #expect(all.status == 0)
            #expect(all.stdout.split(separator: "\n").map(String.init) == lines)
            let keysOnly = try await SynqBinary.run(["events", "--resource", "synvo-key"], environment: ["XDG_STATE_HOME": state.path("state")])
            #expect(keysOnly.stdout.split(separator: "\n").count == 2)
            #expect(keysOnly.stdout.contains("status-changed ACTIVE → REVOKED  observed"))
            let byID = try await SynqBinary.run(["events", "--json", "--id", first.id], environment: ["XDG_STATE_HOME": state.path("state")])
            #expect(byID.stdout.split(separator: "\n").compactMap { decode(String($0)) }.map { $0["kind"] as? String } == ["disabled"])
        }
    }

    @Test func aRenameAndAPreferencelessWatchOfOneResource() async throws {
        try await withSandbox(.forTesting(fleetSize: 10)) { sandbox in
            try await sandbox.countRequests(on: Self.synchronizersRoute)
            try await sandbox.countRequests(on: Self.keysRoute)
            var env = sandbox.environment()
            env["XDG_STATE_HOME"] = try TemporaryDirectory().path("state")
            let watch = try BackgroundSynq(["watch", "--refresh", "1", "--resource", "synchronizer", "--no-journal"], environment: env)
            #expect(await eventually(timeout: .seconds(30)) { await sandbox.countedRequests(on: Self.synchronizersRoute) >= 2 })
            let target = try await sandbox.enterprise().listSynchronizers().synchronizers[0]
            try await change(sandbox, "synchronizers/\(target.id)", #"{"name": "renamed-\u001b[31m-node"}"#)
            #expect(await eventually(timeout: .seconds(30)) { !watch.lines.isEmpty })
            // Text mode: one line, the hostile escape shown, not sent to the terminal.
            #expect(watch.lines.count == 1)
            #expect(watch.stdout.contains("renamed \(target.name) → renamed-\\x1b[31m-node"))
            #expect(!watch.stdout.contains("\u{1b}"))
            // Only the synchronizers were asked for: the keys were never polled.
            #expect(await sandbox.countedRequests(on: Self.keysRoute) == 0)
            watch.signal(SIGTERM)
            #expect(await watch.waitForExit() == 0)
            #expect(!FileManager.default.fileExists(atPath: env["XDG_STATE_HOME"]! + "/synq/journal.sqlite"))
        }
    }

    @Test func onChangeRunsTheCommandPerChangeWithTheEventAndNoKey() async throws {
        try await withSandbox(.forTesting(fleetSize: 10)) { sandbox in
            try await sandbox.countRequests(on: Self.synchronizersRoute)
            let scratch = try TemporaryDirectory()
            var env = sandbox.environment()
            env["XDG_STATE_HOME"] = scratch.path("state")
            let received = scratch.path("received")
            let environments = scratch.path("environments")
            let command = "cat >> '\(received)'; env >> '\(environments)'; echo from-the-command"
            let watch = try BackgroundSynq(["watch", "--json", "--refresh", "1", "--resource", "synchronizer", "--on-change", command],
                                           environment: env)
            #expect(await eventually(timeout: .seconds(30)) { await sandbox.countedRequests(on: Self.synchronizersRoute) >= 2 })
            let targets = try await sandbox.enterprise().listSynchronizers().synchronizers.prefix(2)
            for target in targets {
                try await change(sandbox, "synchronizers/\(target.id)", #"{"name": "changed-by-someone"}"#)
            }
            #expect(await eventually(timeout: .seconds(30)) {
                ((try? String(contentsOfFile: received, encoding: .utf8)) ?? "").split(separator: "\n").count >= 2
            })
            let lines = ((try? String(contentsOfFile: received, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines == watch.lines, "the command gets exactly what --json prints")
            #expect(!watch.stdout.contains("from-the-command"), "its output stays off standard output")
            #expect(watch.stderr.contains("from-the-command"))
            let seen = (try? String(contentsOfFile: environments, encoding: .utf8)) ?? ""
            #expect(seen.contains("PATH="))
            #expect(!seen.contains(SandboxCredentials.demoEnterpriseKey), "no API key in its environment")
            #expect(!seen.contains("ENTERPRISE_API_KEY"))
            watch.signal(SIGINT)
            #expect(await watch.waitForExit() == 0)
        }
    }

    @Test func aClosedStdoutEndsTheWatchCleanly() async throws {
        try await withSandbox(.forTesting(fleetSize: 5)) { sandbox in
            var env = sandbox.environment()
            env["XDG_STATE_HOME"] = try TemporaryDirectory().path("state")
            let watch = try BackgroundSynq(["watch", "--json", "--refresh", "1"], environment: env, stdoutToPipe: true)
            try await Task.sleep(for: .milliseconds(500))
            try watch.pipe?.fileHandleForReading.close()
            #expect(await watch.waitForExit() == 0)
        }
    }

    /// Ways the journal file can be unusable; each is one warning and the watch goes on.
    enum BrokenJournal: String, CaseIterable, Sendable {
        case damaged, readOnly, plantedSymlink

        /// Puts the broken journal in place; returns the file a symlink points at, if any.
        func plant(in state: TemporaryDirectory) throws -> String? {
            let file = state.path("state/synq/journal.sqlite")
            try FileManager.default.createDirectory(atPath: state.path("state/synq"), withIntermediateDirectories: true)
            switch self {
            case .damaged:
                try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: file))
                return nil
            case .readOnly:
                // An empty file is an empty SQLite database; its owner made it read-only.
                _ = FileManager.default.createFile(atPath: file, contents: Data(), attributes: [.posixPermissions: 0o400])
                return nil
            case .plantedSymlink:
                let target = state.path("elsewhere")
                _ = FileManager.default.createFile(atPath: target, contents: Data("keep".utf8))
                try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: target)
                return target
            }
        }

        var warning: String {
            switch self {
            case .damaged: "damaged or not a journal"
            case .readOnly: "is read-only"
            case .plantedSymlink: "is not a regular file"
            }
        }
    }

    @Test(arguments: BrokenJournal.allCases)
    func aBrokenJournalIsOneWarningAndChangesStillPrint(_ broken: BrokenJournal) async throws {
        try await withSandbox(.forTesting(fleetSize: 5)) { sandbox in
            try await sandbox.countRequests(on: Self.synchronizersRoute)
            let state = try TemporaryDirectory()
            let target = try broken.plant(in: state)
            var env = sandbox.environment(synvoKey: nil)
            env["XDG_STATE_HOME"] = state.path("state")
            let watch = try BackgroundSynq(["watch", "--json", "--refresh", "1"], environment: env)
            #expect(await eventually(timeout: .seconds(30)) { await sandbox.countedRequests(on: Self.synchronizersRoute) >= 2 })
            let first = try #require(try await sandbox.enterprise().listSynchronizers().synchronizers.first { $0.isEnabled == true })
            try await change(sandbox, "synchronizers/\(first.id)", #"{"isEnabled": false}"#)
            #expect(await eventually(timeout: .seconds(30)) { watch.lines.count == 1 })
            watch.signal(SIGINT)
            #expect(await watch.waitForExit() == 0)
            let warnings = watch.stderr.split(separator: "\n")
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains(broken.warning) == true)
            if let target { #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep") }
            if broken == .readOnly {
                // Left as the user made it: not widened to make it writable.
                let attributes = try FileManager.default.attributesOfItem(atPath: state.path("state/synq/journal.sqlite"))
                #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o400)
            } else {
                let events = try await SynqBinary.run(["events"], environment: ["XDG_STATE_HOME": state.path("state")])
                #expect(events.status == 64)
                #expect(events.stderr.split(separator: "\n").count == 1)
            }
        }
    }
}
