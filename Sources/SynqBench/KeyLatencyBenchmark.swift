import Foundation
import SynqAPI
import SynqSandbox

/// Key-to-screen latency of the real TUI while a poll is in flight: the list route is
/// slowed by a sandbox fault so every key lands during an outstanding request, then the
/// time from writing a key to the terminal until the first byte of the redraw is measured.
enum KeyLatencyBenchmark {
    static func run(synq: String, sandbox: RunningSandbox, presses: Int) async throws {
        let run = try PtyRun(synq: synq, sandbox: sandbox, refresh: 1)
        defer { run.finish() }
        guard try await run.waitForScreen(containing: "synchronizers", timeout: .seconds(20)) else { throw BenchError.neverLoaded }
        try await armLatency(sandbox: sandbox, milliseconds: 600_000)
        try await Task.sleep(for: .seconds(2))  // the next poll is now out and waiting
        var latencies: [Double] = []
        for press in 0..<presses {
            try await Task.sleep(for: .milliseconds(120))
            let sent = ContinuousClock.now
            run.type(press % 20 < 10 ? "j" : "k")
            guard let answered = try await run.firstOutput(after: sent, timeout: .seconds(2)) else { continue }
            latencies.append(Double(sent.duration(to: answered).components.attoseconds) / 1e15
                + Double(sent.duration(to: answered).components.seconds) * 1e3)
        }
        try await clearFaults(sandbox: sandbox)
        latencies.sort()
        guard !latencies.isEmpty else { throw BenchError.neverLoaded }
        let median = latencies[latencies.count / 2]
        let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
        print(String(format: "Key to screen with a poll in flight: %d of %d keys answered, median %.2f ms, p99 %.2f ms, max %.2f ms",
                     latencies.count, presses, median, p99, latencies.last ?? .nan))
    }

    /// The sandbox's control routes, over the live transport.
    static let control = AsyncHTTPClientTransport(timeout: 30, proxies: .none)

    static func armLatency(sandbox: RunningSandbox, milliseconds: Int) async throws {
        let body = Data(#"{"route":"GET /api/synq-keys/enterprise/synchronizers","kind":"latency","latencyMs":\#(milliseconds)}"#.utf8)
        _ = try await control.send(HTTPRequest(method: .post, url: sandbox.synvoURL.appendingPathComponent("__sandbox/faults"),
                                               headers: ["Content-Type": "application/json"], body: body))
    }

    static func clearFaults(sandbox: RunningSandbox) async throws {
        _ = try await control.send(HTTPRequest(method: .delete, url: sandbox.synvoURL.appendingPathComponent("__sandbox/faults")))
    }
}
