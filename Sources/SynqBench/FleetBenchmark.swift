import Foundation
import SynqAPI
import SynqJournal
import SynqSandbox
import SynqTUI
import SynqText
import SynqViewModel

/// The data path at fleet scale, in process: the live client fetching and parsing the
/// list from a sandbox, then the real store and reducer filtering and sorting it off the
/// render loop. Times run from the action (a key reaching the store) to the published state
/// that shows its result; drawing that state is the render figure above (0.2 ms).
enum FleetBenchmark {
    /// With `journal`, the store at scale journals its polls into a fresh folder, as `synq tui`
    /// does by default: the journal's work on the first poll (its baseline in id order) runs
    /// beside the table's first pass.
    static func run(fleetSize: Int, perKeyFleet: Int, filter: String, journal: Bool) async throws {
        print("Fleet data path (in process, release build):")
        try await perKeystroke(fleetSize: perKeyFleet, filter: filter)
        try await atScale(fleetSize: fleetSize, filter: filter, journal: journal)
    }

    /// Each keystroke of `filter` typed one by one, waiting for each result.
    static func perKeystroke(fleetSize: Int, filter: String) async throws {
        let sandbox = try await RunningSandbox.start(.forTesting(fleetSize: fleetSize))
        defer { Task { await sandbox.stop() } }
        let (store, runner, watcher) = try await startStore(sandbox)
        // Typing starts once the whole fleet is loaded and sorted (a filter over no rows is free).
        _ = await watcher.until { $0.synchronizers.all.count == fleetSize && !$0.synchronizers.isDeriving }
        var times: [Double] = []
        store.send(.key(.character("/")))
        var typed = ""
        for character in filter {
            typed.append(character)
            let sent = ContinuousClock.now
            store.send(.key(.character(character)))
            let expected = typed
            _ = await watcher.until { $0.synchronizers.filter.text == expected && !$0.synchronizers.isDeriving }
            times.append(milliseconds(sent.duration(to: .now)))
        }
        store.shutdown()
        await runner.value
        print(String(format: "  %@ rows, /%@ typed one key at a time: each key's result in median %.1f ms, max %.1f ms (%@)",
                     Count.text(fleetSize), filter, times.sorted()[times.count / 2], times.max() ?? .nan,
                     times.map { String(format: "%.1f", $0) }.joined(separator: " ")))
    }

    static func atScale(fleetSize: Int, filter: String, journal: Bool) async throws {
        let seeding = ContinuousClock.now
        let sandbox = try await RunningSandbox.start(.forTesting(fleetSize: fleetSize))
        defer { Task { await sandbox.stop() } }
        print("  sandbox seeded with \(Count.text(fleetSize)) synchronizers in \(seeding.duration(to: .now))")

        // The list alone: fetch + parse, then the first sort the table needs.
        let client = EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: sandbox.enterpriseURL.absoluteString),
                                      apiKey: Secret(SandboxCredentials.demoEnterpriseKey), transport: Self.transport)
        let fetchStart = ContinuousClock.now
        let list = try await client.listSynchronizers()
        let fetched = fetchStart.duration(to: .now)
        let sortStart = ContinuousClock.now
        let storage = SynchronizerStorage(fleet: list.fleet)
        storage.prepare()
        _ = storage.ordering(.name)
        let firstSort = sortStart.duration(to: .now)
        print(String(format: "  listSynchronizers (fetch + streaming parse): %.0f ms; then id index, search text and the name order: %.0f ms",
                     milliseconds(fetched), milliseconds(firstSort)))

        // The names to fzf, and fzf's time on them.
        let names = FileManager.default.temporaryDirectory.appendingPathComponent("synq-bench-names-\(getpid()).txt")
        try Data(list.fleet.indices.map { list.fleet.name(at: $0) }.joined(separator: "\n").utf8).write(to: names)
        defer { try? FileManager.default.removeItem(at: names) }
        let fzfCPUBefore = cpuMilliseconds(RUSAGE_CHILDREN)
        let fzf = try? timeProcess("/usr/bin/fzf", ["--filter=\(filter)"], stdin: names)
        let fzfCPU = cpuMilliseconds(RUSAGE_CHILDREN) - fzfCPUBefore

        let journalFolder = FileManager.default.temporaryDirectory.appendingPathComponent("synq-bench-journal-\(getpid())")
        defer { try? FileManager.default.removeItem(at: journalFolder) }
        let tap = journal ? JournalTap(journal: Journal(location: JournalLocation(directory: journalFolder.path)), profile: "bench") : nil
        let journalRun = Task { await tap?.journal.run() }
        let (store, runner, watcher) = try await startStore(sandbox, journal: tap)
        let loadStart = ContinuousClock.now
        let loaded = await watcher.until { $0.synchronizers.all.count == fleetSize && !$0.synchronizers.isDeriving }
        // `loadedAt` is when the list's answer reached the store: its last byte parsed. The
        // state that shows the rows is drawn next (the render figure above, tens of µs).
        let firstScreen = loaded?.synchronizersResource.loadedAt.map { Date().timeIntervalSince($0) * 1e3 } ?? .nan
        print(String(format: "  store%@: fleet fetched, parsed and sorted %.0f ms after the request; first screen of rows %.0f ms after the body's last byte",
                     journal ? " (journal on)" : "", milliseconds(loadStart.duration(to: .now)), firstScreen))

        // The whole filter typed at once (one write of ten characters).
        store.send(.key(.character("/")))
        let typedAt = ContinuousClock.now
        let typedCPU = cpuMilliseconds()
        for character in filter { store.send(.key(.character(character))) }
        let echoed = await watcher.until { $0.synchronizers.filter.text == filter }
        let echo = typedAt.duration(to: .now)
        let shown = await watcher.until { $0.synchronizers.filter.text == filter && !$0.synchronizers.isDeriving }
        let filtered = typedAt.duration(to: .now)
        let filteredCPU = cpuMilliseconds() - typedCPU
        let matches = shown?.synchronizers.rows.count ?? -1
        _ = echoed
        print(String(format: "  /%@ typed at once: text in state after %.2f ms, %@ matches shown after %.0f ms (CPU %.0f ms); fzf --filter on the same names: %@",
                     filter, milliseconds(echo), Count.text(matches), milliseconds(filtered), filteredCPU,
                     fzf.map { String(format: "%.0f ms (CPU %.0f ms)", milliseconds($0), fzfCPU) } ?? "not installed"))

        // Clear the filter, then each sort.
        store.send(.key(.escape))
        _ = await watcher.until { $0.synchronizers.filter.isEmpty && !$0.synchronizers.isDeriving }
        var sorts: [String] = []
        for column in SynchronizerRow.Column.allCases.dropFirst() + [.name] {
            let start = ContinuousClock.now
            let startCPU = cpuMilliseconds()
            store.send(.key(.character("s")))
            _ = await watcher.until { $0.synchronizers.sort.column == column && !$0.synchronizers.isDeriving }
            sorts.append(String(format: "%@ %.0f ms (CPU %.0f)", column.rawValue, milliseconds(start.duration(to: .now)), cpuMilliseconds() - startCPU))
        }
        let start = ContinuousClock.now
        store.send(.key(.character("S")))
        _ = await watcher.until { !$0.synchronizers.sort.ascending && !$0.synchronizers.isDeriving }
        sorts.append(String(format: "name reversed %.0f ms", milliseconds(start.duration(to: .now))))
        print("  sort by each column (first time each, on \(Count.text(fleetSize)) rows): " + sorts.joined(separator: ", "))
        store.shutdown()
        await runner.value
        tap?.journal.finish()
        await journalRun.value
    }

    private static func startStore(_ sandbox: RunningSandbox, journal: JournalTap? = nil) async throws -> (Store<ContinuousClock>, Task<Void, Never>, Watcher) {
        let client = EnterpriseClient(endpoint: try ServiceEndpoint(.enterprise, url: sandbox.enterpriseURL.absoluteString),
                                      apiKey: Secret(SandboxCredentials.demoEnterpriseKey), transport: Self.transport)
        let store = Store(settings: ViewModelSettings(refreshInterval: 3600), enterprise: client, synvo: nil, journal: journal, clock: ContinuousClock())
        let watcher = Watcher(store.states)
        let runner = Task { await store.run() }
        return (store, runner, watcher)
    }

    /// A 1M list from the in-process sandbox takes far longer than a client's usual 15 s on a
    /// loaded machine; the figures are times, not timeouts.
    static let transport = AsyncHTTPClientTransport(timeout: 600, proxies: .none)

    /// CPU time (user + system) this process has used, in ms: on a machine shared with other
    /// work, wall times stretch with the load, CPU times much less. While a filter or sort pass
    /// runs, the store and the sandbox are idle, so the difference is the pass's own cost.
    static func cpuMilliseconds(_ who: __rusage_who = RUSAGE_SELF) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) * 1e3 + Double(usage.ru_utime.tv_usec) / 1e3
        let system = Double(usage.ru_stime.tv_sec) * 1e3 + Double(usage.ru_stime.tv_usec) / 1e3
        return user + system
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }

    /// Wall time of a process reading `stdin`, output discarded.
    static func timeProcess(_ path: String, _ arguments: [String], stdin: URL) throws -> Duration {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: stdin)
        process.standardOutput = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        return start.duration(to: .now)
    }
}

/// The store's published states, read until one matches.
final class Watcher: @unchecked Sendable {
    private var iterator: AsyncStream<AppState>.Iterator

    init(_ states: AsyncStream<AppState>) { iterator = states.makeAsyncIterator() }

    func until(_ condition: (AppState) -> Bool) async -> AppState? {
        while let state = await iterator.next() {
            if condition(state) { return state }
        }
        return nil
    }
}
