import Foundation
import SynqAPI
import SynqJournal

// synq-journal-bench: what journalling one poll costs at fleet scale. Not a test; run by hand:
//   swift build -c release --product synq-journal-bench && .build/release/synq-journal-bench [--polls 5] [--churn 0.01]
// For 100k and 1M synchronizers: a baseline poll, then polls in which `churn` of the rows
// changed (half toggled, a quarter renamed, an eighth gone and an eighth new). Ids are
// UUID-shaped and in no order, as the sandbox (and a real server) lists them by creation.
// Reports the snapshot of a poll (copy out of the fleet's arena, sort by id), the pure diff
// of two snapshots, and the whole journal path: fleet → snapshot → diff → events → one
// SQLite transaction, as `Journal` runs it.

let arguments = CommandLine.arguments
func option(_ name: String, default value: Double) -> Double {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Double(arguments[index + 1]) else { return value }
    return number
}
let polls = Int(option("--polls", default: 5))
let churn = option("--churn", default: 0.01)

func fleet(_ count: Int) -> [Synchronizer] {
    (0..<count).map { index in
        Synchronizer(id: String(format: "%08x-4d2c-4b7e-9a1f-%012x", (index &* 2_654_435_761) & 0xffff_ffff, index),
                     key: "k", name: "prod-relay-\(index)", isEnabled: index % 7 != 0)
    }
}

/// The next poll: `churn` of the rows changed in the ways a fleet changes.
func churned(_ previous: [Synchronizer], round: Int) -> [Synchronizer] {
    var next = previous
    let changes = max(1, Int(Double(previous.count) * churn))
    // Spread over the fleet by a multiplicative hash of the change's number: deterministic, no generator.
    var step = 0
    func pick() -> Int {
        step += 1
        return Int(UInt(bitPattern: step &* 2_654_435_761 &+ round &* 40_503) % UInt(next.count))
    }
    let toggles = changes / 2, renames = changes / 4, removals = changes / 8
    for _ in 0..<toggles {
        let index = pick()
        next[index].isEnabled = !(next[index].isEnabled ?? false)
    }
    for _ in 0..<renames {
        let index = pick()
        next[index].name += "-r\(round)"
    }
    var removed = Set<Int>()
    while removed.count < removals { removed.insert(pick()) }
    next = next.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    for added in 0..<(changes - toggles - renames - removals) {
        next.append(Synchronizer(id: "new-\(round)-\(added)", key: "k", name: "fresh-\(round)-\(added)", isEnabled: true))
    }
    return next
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synq-journal-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: folder) }
print("journal cost per poll, churn \(churn * 100)%, median of \(polls) polls (release build recommended)")
print("rows       events/poll  snapshot (copy+sort)  diff only  tracker (snapshot+diff+events)  journal (tracker+one transaction)  baseline poll")
for size in [100_000, 1_000_000] {
    let clock = ContinuousClock()
    var lists = [fleet(size)]
    for round in 1...polls { lists.append(churned(lists[round - 1], round: round)) }
    let fleets = lists.map(SynchronizerFleet.init)
    lists = []

    var snapshotTimes: [Double] = []
    var snapshots: [FleetSnapshot] = []
    for fleet in fleets {
        var snapshot: FleetSnapshot?
        snapshotTimes.append(milliseconds(clock.measure { snapshot = FleetSnapshot(fleet) }))
        snapshots.append(snapshot!)
    }
    var diffTimes: [Double] = []
    var eventCounts: [Int] = []
    for round in 1...polls {
        var changes: [FleetChange] = []
        let elapsed = clock.measure { changes = FleetDiff.changes(from: snapshots[round - 1], to: snapshots[round]) }
        diffTimes.append(milliseconds(elapsed))
        eventCounts.append(changes.count)
    }
    snapshots = []

    // The tracker alone (snapshot, diff, events), without the actor or SQLite.
    var tracker = ChangeTracker()
    let trackerStart = Date()
    _ = tracker.observe(Observation(profile: "bench", at: trackerStart, .synchronizers(SynchronizerList(fleet: fleets[0]))))
    var trackerTimes: [Double] = []
    for round in 1...polls {
        let observation = Observation(profile: "bench", at: trackerStart.addingTimeInterval(Double(round) * 5),
                                      .synchronizers(SynchronizerList(fleet: fleets[round])))
        trackerTimes.append(milliseconds(clock.measure { _ = tracker.observe(observation) }))
    }
    tracker = ChangeTracker()

    let journal = Journal(location: JournalLocation(directory: folder.appendingPathComponent("\(size)").path))
    let running = Task { await journal.run() }
    let start = Date()
    func observation(_ round: Int) -> Observation {
        Observation(profile: "bench", at: start.addingTimeInterval(Double(round) * 5), .synchronizers(SynchronizerList(fleet: fleets[round])))
    }
    let baseline = await clock.measure {
        journal.record(observation(0))
        await journal.flush()
    }
    var journalTimes: [Double] = []
    for round in 1...polls {
        let elapsed = await clock.measure {
            journal.record(observation(round))
            await journal.flush()
        }
        journalTimes.append(milliseconds(elapsed))
    }
    if let problem = await journal.currentProblem { print("journal problem: \(problem)") }
    journal.finish()
    await running.value
    let stored = (try? await JournalReader.events(EventQuery(), at: JournalLocation(directory: folder.appendingPathComponent("\(size)").path)).count) ?? -1
    print(String(format: "%-10d %-12d %10.1f ms         %7.1f ms  %14.1f ms                 %12.1f ms                 %7.1f ms   (%d events stored)",
                 size, Int(median(eventCounts.map(Double.init))), median(snapshotTimes), median(diffTimes),
                 median(trackerTimes), median(journalTimes), milliseconds(baseline), stored))
}
