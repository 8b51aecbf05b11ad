import Foundation
import Subprocess
import SynqTestSupport
import SystemPackage
import Testing

/// A running synq cannot leave a core dump or be read by another process of its user
/// (issue 9, finding 8). Observed from outside, on the process itself: its core-size limit
/// in /proc/PID/limits, and — running it as an unprivileged user — the owner of
/// /proc/PID/status, which the kernel switches to root for a process that is not dumpable.
@Suite("Core dumps are off in the running binary")
struct CoreDumpTests {
    static let canDropPrivileges = geteuid() == 0

    @Test("synq waiting for a key on stdin has RLIMIT_CORE 0 and is not dumpable", .enabled(if: canDropPrivileges))
    func runningProcessIsNotDumpable() async throws {
        let scratch = try TemporaryDirectory()
        chmod(scratch.path(""), 0o777)
        // Runs as nobody, so the owner of /proc/PID/status tells dumpable (nobody) from not (root).
        var options = PlatformOptions()
        options.userID = 65534
        options.groupID = 65534
        options.supplementaryGroups = []
        let observed = try await Subprocess.run(
            .path(FilePath(SynqBinary.url.path)), arguments: ["provision", "--api-key-stdin"],
            environment: .custom(["PATH": "/usr/bin:/bin", "HOME": scratch.path("")]), platformOptions: options,
            input: .inputWriter, output: .discarded, error: .discarded
        ) { execution in
            let pid = execution.processIdentifier.value
            let deadline = ContinuousClock.now.advanced(by: .seconds(20))
            var limits = "", owner: uid_t = 65534, exe = ""
            // Blocked reading stdin, synq has run its first lines: poll until it has hardened
            // itself, or the deadline fails the test.
            while ContinuousClock.now < deadline {
                exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
                limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
                var info = stat()
                owner = stat("/proc/\(pid)/status", &info) == 0 ? info.st_uid : 65534
                if exe.hasSuffix("/synq") && Self.coreLimitIsZero(limits) && owner == 0 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            try? execution.send(signal: .terminate)
            return (pid: pid, exe: exe, limits: limits, owner: owner)
        }.closureResult
        #expect(observed.exe.hasSuffix("/synq"), "never ran synq: \(observed.exe)")
        let core = observed.limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }.map(String.init) ?? "none"
        #expect(Self.coreLimitIsZero(observed.limits), "core limit: \(core)")
        #expect(observed.owner == 0, "/proc/\(observed.pid)/status is owned by \(observed.owner): the process is dumpable")
    }

    /// "Max core file size   0   0   bytes" in /proc/PID/limits: soft and hard limits both 0.
    static func coreLimitIsZero(_ limits: String) -> Bool {
        limits.split(separator: "\n").contains { $0.hasPrefix("Max core file size") && $0.split(separator: " ").filter { !$0.isEmpty }.dropFirst(4).prefix(2) == ["0", "0"] }
    }
}
