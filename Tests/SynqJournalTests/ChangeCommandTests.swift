import Foundation
import SynqAPI
import SynqTestSupport
import Testing
@testable import SynqJournal

/// `--on-change`: the event as one JSON line on the command's standard input, an
/// environment without secrets, a timeout that ends the whole process group, and one
/// command at a time.
@Suite(.timeLimit(.minutes(1)))
struct ChangeCommandTests {
    static func sample(_ id: String = "s1") -> JournalEvent {
        JournalEvent(observedAt: Date(timeIntervalSince1970: 1_800_000_000), profile: "work", resource: .synchronizer,
                     itemID: id, name: "edge \"1\"", kind: .disabled, oldValue: "enabled", newValue: "disabled", origin: .observed)
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test func theEventIsOneJSONLineOnStandardInput() async throws {
        let folder = try TemporaryDirectory()
        let out = folder.path("in.json")
        let command = ChangeCommand(command: "cat > '\(out)'")
        let outcome = await command.run(Self.sample())
        #expect(outcome == .exited(0))
        let expected = String(decoding: try Self.sample().jsonData(), as: UTF8.self) + "\n"
        #expect(Self.read(out) == expected)
        let decoded = try JSONCoding.decoder().decode(JournalEvent.self, from: Data(Self.read(out).utf8))
        #expect(decoded.itemID == "s1")
    }

    @Test func noSecretReachesTheEnvironmentOrArguments() async throws {
        let folder = try TemporaryDirectory()
        let out = folder.path("env.txt")
        let secret = "sk_live_never_to_be_seen_123"
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": folder.url.path, "ENTERPRISE_API_KEY": secret, "SYNVO_API_KEY": secret,
            "SYNQ_PASSPHRASE": secret, "AWS_SECRET_ACCESS_KEY": secret, "LANG": "C.UTF-8",
        ]
        let command = ChangeCommand(command: "env > '\(out)'; cat /proc/$$/cmdline >> '\(out)'", environment: environment)
        #expect(await command.run(Self.sample()) == .exited(0))
        let seen = Self.read(out)
        #expect(seen.contains("PATH=/usr/bin:/bin"), "allowed variables pass")
        #expect(seen.contains("LANG=C.UTF-8"))
        #expect(!seen.contains(secret))
        #expect(!seen.contains("API_KEY"))
        #expect(!seen.contains("PASSPHRASE"))
    }

    @Test func theCommandGetsOnlyItsThreeStandardDescriptors() async throws {
        let folder = try TemporaryDirectory()
        let out = folder.path("fds.txt")
        // A descriptor of synq's that is not close-on-exec (as a library might leave one).
        let leaked = open("/dev/null", O_RDONLY)
        #expect(leaked > 2)
        defer { close(leaked) }
        // The shell lists its own descriptors into the command's output (`; true`: so it forks
        // ls instead of becoming it; no redirection, for which the shell would keep a copy).
        let listing = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        #expect(listing > 2)
        let command = ChangeCommand(command: "ls /proc/$$/fd; true", output: listing)
        #expect(await command.run(Self.sample()) == .exited(0))
        close(listing)
        #expect(Self.read(out).split(separator: "\n").sorted() == ["0", "1", "2"])
    }

    @Test func exitStatusesAndAMissingProgramAreReported() async throws {
        #expect(await ChangeCommand(command: "exit 3").run(Self.sample()) == .exited(3))
        #expect(await ChangeCommand(command: "kill -9 $$").run(Self.sample()) == .signalled(9))
        #expect(await ChangeCommand(command: "/nonexistent/notifier").run(Self.sample()) == .exited(127))
    }

    @Test func aCommandThatIgnoresItsInputStillGetsItWithoutHurtingSynq() async throws {
        // The command exits without reading: writing to it must not kill synq with SIGPIPE.
        #expect(await ChangeCommand(command: "exec 0<&-; true").run(Self.sample()) == .exited(0))
    }

    @Test func aSlowCommandIsStoppedWithItsChildren() async throws {
        let folder = try TemporaryDirectory()
        let pidFile = folder.path("child.pid")
        let command = ChangeCommand(command: "sleep 30 & echo $! > '\(pidFile)'; wait", timeout: .milliseconds(300))
        let started = ContinuousClock.now
        #expect(await command.run(Self.sample()) == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(5))
        let child = try #require(pid_t(Self.read(pidFile).trimmingCharacters(in: .whitespacesAndNewlines)))
        try await Task.sleep(for: .milliseconds(200))
        // Gone, or a zombie waiting for a reaper (PID 1 of a container may never reap it).
        let state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        #expect(state == nil || state == "Z", "the command's own child is gone too (state \(state.map(String.init) ?? "-"))")
    }

    @Test func synqsIgnoredSignalsAreNotInherited() async throws {
        let previous = signal(SIGTERM, SIG_IGN)
        defer { signal(SIGTERM, previous) }
        let command = ChangeCommand(command: "kill -TERM $$; sleep 5")
        #expect(await command.run(Self.sample()) == .signalled(SIGTERM))
    }

    @Test func theQueueRunsOneAtATimeInOrder() async throws {
        let folder = try TemporaryDirectory()
        let log = folder.path("log")
        let command = ChangeCommand(command: "id=$(sed 's/.*\"id\":\"\\([^\"]*\\)\".*/\\1/'); echo start $id >> '\(log)'; sleep 0.05; echo end $id >> '\(log)'")
        let (updates, continuation) = AsyncStream.makeStream(of: JournalUpdate.self)
        let reports = Reports()
        let queue = ChangeCommandQueue(command: command, resources: [.synchronizer]) { reports.add($0) }
        continuation.yield(.opened)
        continuation.yield(.recorded([Self.sample("a"), Self.sample("b")]))
        var key = Self.sample("k")
        key.resource = .synvoKey
        continuation.yield(.recorded([key, Self.sample("c")]))
        continuation.finish()
        await queue.run(updates)
        let lines = Self.read(log).split(separator: "\n").map(String.init)
        #expect(lines == ["start a", "end a", "start b", "end b", "start c", "end c"], "one at a time, only the resources asked for")
        #expect(reports.all.isEmpty)
    }

    @Test func failuresAreReportedInOneLineWithoutEventData() async throws {
        let (updates, continuation) = AsyncStream.makeStream(of: JournalUpdate.self)
        let reports = Reports()
        let queue = ChangeCommandQueue(command: ChangeCommand(command: "exit 4")) { reports.add($0) }
        continuation.yield(.recorded([Self.sample("secretish-id")]))
        continuation.finish()
        await queue.run(updates)
        #expect(reports.all == ["--on-change command exited with status 4"])
    }
}

/// Collects reports from another task.
final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
