import Foundation
import SynqAPI
import SynqSandbox

// synq-bench: the TUI's performance numbers. Not a test (no pass/fail), run by hand:
//   swift build -c release && swift run -c release synq-bench [--idle-seconds 60] [--skip-pty]
//       [--presses 200] [--memory-fleet 1000000] [--fleet 1000000] [--per-key-fleet 100000]
//       [--filter prod-relay] [--journal]
// Prints frame render times, bytes written for a poll with one changed row, CPU time idle,
// key-to-screen latency with a poll in flight, the fleet data path (list fetch and parse,
// filter per keystroke, a filter typed at once against fzf, sort per column) and the real
// TUI holding a large fleet: memory, and a typed filter character to screen.

let arguments = CommandLine.arguments
func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    return number
}

RenderBenchmark.run(sizes: [100, 10_000, 1_000_000], frames: option("--frames", default: 400))

let filterText = arguments.firstIndex(of: "--filter").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil } ?? "prod-relay"
let fleetSize = option("--fleet", default: 1_000_000)
if fleetSize > 0 {
    try await FleetBenchmark.run(fleetSize: fleetSize, perKeyFleet: option("--per-key-fleet", default: 100_000), filter: filterText,
                                 journal: arguments.contains("--journal"))
}

if !arguments.contains("--skip-pty") {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let synq = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("synq").path
    let binary = FileManager.default.isExecutableFile(atPath: synq) ? synq : root.appendingPathComponent(".build/debug/synq").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("synq-bench: \(BenchError.noBinary(binary))")
        exit(1)
    }
    let sandbox = try await RunningSandbox.start(.forTesting())
    let client = EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: sandbox.enterpriseURL.absoluteString),
                                  apiKey: Secret(SandboxCredentials.demoEnterpriseKey))

    // Bytes for a poll in which one row changed, against a poll in which nothing did.
    let run = try PtyRun(synq: binary, sandbox: sandbox, refresh: 2)
    try await Task.sleep(for: .seconds(3))
    let first = ContinuousClock.now
    try await Task.sleep(for: .seconds(4))
    let quietBytes = run.bytes(since: first)
    let fleet = try await client.listSynchronizers().synchronizers
    // The first row on screen (the table sorts by name), so the change is visible.
    if let target = fleet.min(by: { $0.name.lowercased() < $1.name.lowercased() }) {
        _ = try await client.setSynchronizer(id: target.id, enabled: !(target.isEnabled ?? false))
    }
    let changed = ContinuousClock.now
    try await Task.sleep(for: .seconds(4))
    let changedBytes = run.bytes(since: changed)
    run.finish()
    print("Bytes written to an 80x24 terminal, refresh 2 s, over 4 s (two polls):")
    print("  nothing changed:      \(quietBytes) bytes (status-bar age only)")
    print("  one row changed:      \(changedBytes) bytes (row, highlight, counts)")

    // CPU time while idle.
    let seconds = option("--idle-seconds", default: 60)
    let idle = try PtyRun(synq: binary, sandbox: sandbox, refresh: 5)
    try await Task.sleep(for: .seconds(2))
    let before = idle.cpuSeconds()
    try await Task.sleep(for: .seconds(seconds))
    let after = idle.cpuSeconds()
    idle.finish()
    print(String(format: "CPU time idle for %d s with --refresh 5: %.3f s (%.2f%% of one core)", seconds, after - before, (after - before) / Double(seconds) * 100))

    try await KeyLatencyBenchmark.run(synq: binary, sandbox: sandbox, presses: option("--presses", default: 200))
    await sandbox.stop()

    let memoryFleet = option("--memory-fleet", default: 1_000_000)
    if memoryFleet > 0 { try await MemoryBenchmark.run(synq: binary, fleetSize: memoryFleet, filter: filterText) }
}
