import Foundation
import SynqAPI
import SynqSandbox
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `synq tui` on a pseudo-terminal against an in-process sandbox, counting
/// the bytes it writes to the terminal and reading its CPU time from /proc.
final class PtyRun: @unchecked Sendable {
    // @unchecked only for Foundation's Process; the byte log is behind a Mutex.
    let process = Process()
    private let master: Int32
    private let log = Mutex<[(time: ContinuousClock.Instant, bytes: Int)]>([])
    /// The last bytes written to the terminal, to wait for text to appear.
    private let tail = Mutex<[UInt8]>([])

    /// `timeout`: the TUI's per-request deadline (`--timeout`), for lists a loaded machine serves slowly.
    init(synq: String, sandbox: RunningSandbox, refresh: Int, timeout: Int? = nil) throws {
        // posix_openpt & co. are hidden behind _XOPEN_SOURCE in Swift's Glibc module, so this
        // does what they do with the Linux ioctls (TIOCSPTLCK, TIOCGPTN) on /dev/ptmx.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw BenchError.noPty
        }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = "/dev/pts/\(number)"
        let slave = FileHandle(forUpdatingAtPath: slavePath)
        guard let slave else { throw BenchError.noPty }
        process.executableURL = URL(fileURLWithPath: synq)
        process.arguments = ["tui", "--refresh", "\(refresh)"] + (timeout.map { ["--timeout", "\($0)"] } ?? [])
        process.environment = [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory(),
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "ENTERPRISE_API_KEY": SandboxCredentials.demoEnterpriseKey,
            "ENTERPRISE_API_URL": sandbox.enterpriseURL.absoluteString,
            "SYNVO_API_KEY": SandboxCredentials.demoSynvoKey,
            "SYNVO_BASE_URL": sandbox.synvoURL.absoluteString,
        ]
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = FileHandle.nullDevice
        try process.run()
        try? slave.close()
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return }
            log.withLock { $0.append((ContinuousClock.now, n)) }
            tail.withLock { tail in
                tail.append(contentsOf: buffer[0..<n])
                if tail.count > 262_144 { tail.removeFirst(tail.count - 131_072) }
            }
        }
    }

    func bytes(since start: ContinuousClock.Instant, until end: ContinuousClock.Instant = .now) -> Int {
        log.withLock { entries in entries.filter { $0.time >= start && $0.time < end }.reduce(0) { $0 + $1.bytes } }
    }

    /// Waits until `text` has been written to the terminal (false after `timeout`).
    func waitForScreen(containing text: String, timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        let needle = Array(text.utf8)
        while ContinuousClock.now < deadline {
            let found = tail.withLock { tail in
                tail.count >= needle.count && (0...(tail.count - needle.count)).contains { tail[$0..<($0 + needle.count)].elementsEqual(needle) }
            }
            if found { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// When the terminal first received output after `instant` (nil after `timeout`).
    func firstOutput(after instant: ContinuousClock.Instant, timeout: Duration) async throws -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let time = log.withLock({ $0.last(where: { $0.time > instant }) == nil ? nil : $0.first(where: { $0.time > instant })?.time }) {
                return time
            }
            try await Task.sleep(for: .microseconds(200))
        }
        return nil
    }

    /// The kernel's high-water mark of the process's resident memory (VmHWM), in MiB.
    func peakResidentMiB() -> Double { statusField("VmHWM:") }

    /// The process's resident memory now (VmRSS), in MiB.
    func residentMiB() -> Double { statusField("VmRSS:") }

    /// Resident memory now split as the kernel counts it: anonymous (the heap) and mapped
    /// from files (the binary, libraries), in MiB.
    func residentSplitMiB() -> (anonymous: Double, file: Double) { (statusField("RssAnon:"), statusField("RssFile:")) }

    private func statusField(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kilobytes / 1024
    }

    /// User + system CPU seconds of the process so far.
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return .nan }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14, stime 15 (1-based in proc(5)).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func type(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    func finish() {
        type("q")
        process.waitUntilExit()
        Glibc.close(master)
    }
}

enum BenchError: Error, CustomStringConvertible {
    case noPty
    case noBinary(String)
    case neverLoaded

    var description: String {
        switch self {
        case .noPty: "cannot open a pseudo-terminal"
        case .noBinary(let path): "no synq binary at \(path); run swift build first"
        case .neverLoaded: "the TUI never showed the fleet"
        }
    }
}
