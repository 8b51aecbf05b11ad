import Foundation
import SynqSandbox

/// Peak resident memory of the real TUI holding a whole fleet (by default 1,000,000
/// synchronizers), read from the kernel's high-water mark once the fleet is on screen.
enum MemoryBenchmark {
    static func run(synq: String, fleetSize: Int) async throws {
        let seeding = ContinuousClock.now
        let sandbox = try await RunningSandbox.start(.forTesting(fleetSize: fleetSize))
        print("Memory: sandbox seeded with \(fleetSize) synchronizers in \(seeding.duration(to: .now))")
        let started = ContinuousClock.now
        let run = try PtyRun(synq: synq, sandbox: sandbox, refresh: 60)
        let loaded = try await run.waitForScreen(containing: "\(fleetSize) synchronizers", timeout: .seconds(300))
        let shown = started.duration(to: .now)
        try await Task.sleep(for: .seconds(2))
        let peak = run.peakResidentMiB()
        let now = run.residentMiB()
        run.finish()
        await sandbox.stop()
        guard loaded else { throw BenchError.neverLoaded }
        print(String(format: "  fleet on screen after %@; TUI peak RSS %.0f MiB, RSS afterwards %.0f MiB", "\(shown)", peak, now))
    }
}
