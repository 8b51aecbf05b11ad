import Foundation
import SynqTestSupport
import Testing

/// A running synq cannot leave a core dump or be read by another process of its user
/// (issue 9, finding 8). Observed from outside, on the process itself: its core-size limit
/// in /proc/PID/limits, and — running it as an unprivileged user — the owner of
/// /proc/PID/status, which the kernel switches to root for a process that is not dumpable.
@Suite("Core dumps are off in the running binary")
struct CoreDumpTests {
    static let canDropPrivileges = geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test("synq waiting for a key on stdin has RLIMIT_CORE 0 and is not dumpable", .enabled(if: canDropPrivileges))
    func runningProcessIsNotDumpable() async throws {
        let scratch = try TemporaryDirectory()
        chmod(scratch.path(""), 0o777)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        // Runs as nobody, so the owner of /proc/PID/status tells dumpable (nobody) from not (root).
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", SynqBinary.url.path, "provision", "--api-key-stdin"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": scratch.path("")]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let pid = process.processIdentifier
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        var limits = "", owner: uid_t = 65534, exe = ""
        // Blocked reading stdin, synq has run its first lines: poll until it has exec'd and
        // hardened itself, or the deadline fails the test.
        while ContinuousClock.now < deadline {
            exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
            limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
            var info = stat()
            owner = stat("/proc/\(pid)/status", &info) == 0 ? info.st_uid : 65534
            let coreZero = limits.split(separator: "\n").contains { $0.hasPrefix("Max core file size") && $0.split(separator: " ").filter { !$0.isEmpty }.dropFirst(4).prefix(2) == ["0", "0"] }
            if exe.hasSuffix("/synq") && coreZero && owner == 0 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(exe.hasSuffix("/synq"), "never exec'd synq: \(exe)")
        let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }.map(String.init) ?? "none"
        #expect(core.split(separator: " ").filter { !$0.isEmpty }.dropFirst(4).prefix(2) == ["0", "0"], "core limit: \(core)")
        #expect(owner == 0, "/proc/\(pid)/status is owned by \(owner): the process is dumpable")
    }
}
