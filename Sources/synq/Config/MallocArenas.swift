#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One glibc heap for every thread. By default glibc gives threads heaps of their own (up to
/// eight per core), and memory freed in one of them stays there: the TUI holding 1M
/// synchronizers settled at 126–132 MiB in some runs and 150–162 MiB in others, depending on
/// which threads had parsed, sorted and drawn (`Benchmarks/tui-settled-memory.sh`, three runs
/// each: 150.1–151.6 MiB by default, 127.6–127.8 MiB with one heap; the headless 1M list
/// took the same time). Set first thing in `main`: glibc fixes its limit when a second thread
/// first allocates, and later calls change nothing.
enum MallocArenas {
    /// `mallopt(M_ARENA_MAX, 1)`, found at run time (Swift's Glibc module declares neither);
    /// nothing where the C library has none. `MALLOC_ARENA_MAX` in the environment still wins.
    static func useOne() {
        #if canImport(Glibc)
        guard getenv("MALLOC_ARENA_MAX") == nil,
              let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 1)
        #endif
    }
}
