import Foundation
import SynqSandbox
import SynqTUI
import SynqText

/// Peak resident memory of the real TUI holding a whole fleet (by default 1,000,000
/// synchronizers), read from the kernel's high-water mark once the fleet is on screen.
enum MemoryBenchmark {
    static func run(synq: String, fleetSize: Int, filter: String) async throws {
        let seeding = ContinuousClock.now
        let sandbox = try await RunningSandbox.start(.forTesting(fleetSize: fleetSize))
        print("Memory: sandbox seeded with \(fleetSize) synchronizers in \(seeding.duration(to: .now))")
        let started = ContinuousClock.now
        let run = try PtyRun(synq: synq, sandbox: sandbox, refresh: 60, timeout: 600)
        // The count shows in the pane's title once the fleet is in (the status bar may shorten its own).
        let loaded = try await run.waitForScreen(containing: "Synchronizers (\(Count.text(fleetSize)))", timeout: .seconds(300))
        let shown = started.duration(to: .now)
        try await Task.sleep(for: .seconds(2))
        let peak = run.peakResidentMiB()
        let now = run.residentMiB()
        // Settled: the journal's baseline written, the first pass's and the parser's memory freed.
        try await Task.sleep(for: .seconds(6))
        let settled = run.residentMiB()
        let split = run.residentSplitMiB()
        // A filter typed one key at a time: each character's echo (the first redraw after it).
        run.type("/")
        try await Task.sleep(for: .milliseconds(300))
        var echoes: [Double] = []
        for character in filter {
            let sent = ContinuousClock.now
            run.type(String(character))
            if let answered = try await run.firstOutput(after: sent, timeout: .seconds(2)) {
                echoes.append(FleetBenchmark.milliseconds(sent.duration(to: answered)))
            }
            try await Task.sleep(for: .milliseconds(150))
        }
        let filteringPeak = run.peakResidentMiB()
        run.finish()
        await sandbox.stop()
        guard loaded else { throw BenchError.neverLoaded }
        print(String(format: "  fleet on screen after %@; TUI peak RSS %.0f MiB, RSS 2 s later %.0f MiB, 8 s later %.0f MiB (anonymous %.0f, file-backed %.0f); peak after filtering %.0f MiB",
                     "\(shown)", peak, now, settled, split.anonymous, split.file, filteringPeak))
        echoes.sort()
        print(String(format: "  typed filter character to screen at %@ rows: median %.2f ms, max %.2f ms (%d keys)",
                     Count.text(fleetSize), echoes.isEmpty ? .nan : echoes[echoes.count / 2], echoes.last ?? .nan, echoes.count))
    }
}
