import Foundation
import SynqAPI
import SynqTUI
import SynqViewModel

/// Frame render time of the synchronizers pane at several fleet sizes. Only visible rows
/// are drawn, so the time per frame should not grow with the fleet.
enum RenderBenchmark {
    static func run(sizes: [Int], frames: Int) {
        print("Render: synchronizers pane, 80x24, \(frames) frames each (selection moving)")
        let now = Date()
        for size in sizes {
            var state = AppState(configured: [.enterprise, .synvo], now: now)
            let fleet = (0..<size).map { index in
                Synchronizer(id: "id-\(index)", key: "key-\(index)-b1df0d63-83b3-478d-a55f", name: "server-\(index)",
                             isEnabled: index % 3 != 0, createdAt: now.addingTimeInterval(-Double(index % 10_000) * 60))
            }
            _ = Reducer.reduce(&state, .synchronizersLoaded(.success(SynchronizerList(synchronizers: fleet)), at: now), now: now)
            _ = Reducer.reduce(&state, .viewport(tableRows: 19), now: now)
            let renderer = ScreenRenderer()
            var scroll = ScrollMemory()
            var timings: [Double] = []
            timings.reserveCapacity(frames)
            let clock = ContinuousClock()
            for frame in 0..<frames {
                _ = Reducer.reduce(&state, .key(frame % 40 < 20 ? .down : .up), now: now)
                let start = clock.now
                let rendered = renderer.render(state, width: 80, height: 24, scroll: &scroll)
                let elapsed = start.duration(to: clock.now)
                precondition(rendered.grid.width == 80)
                timings.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
            }
            timings.sort()
            let median = timings[timings.count / 2]
            let p95 = timings[min(timings.count - 1, timings.count * 95 / 100)]
            print(String(format: "  %9d rows: median %8.1f µs   p95 %8.1f µs", size, median, p95))
        }
    }
}
