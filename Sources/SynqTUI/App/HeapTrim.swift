#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SynqViewModel

/// Gives the allocator's free memory back to the system once a large fleet's new rows are on
/// screen. glibc keeps in its heaps what the first pass and the poll before freed (sort
/// entries, parser buffers, the previous fleet's tables), where it still counts as the TUI's
/// resident memory; `malloc_trim` returns those pages (about 4 MiB at 1M now that the sort
/// keys are their own mapping; 17 MiB before). Once per poll of a large fleet, a moment after
/// it landed, off the render loop.
struct HeapTrim {
    /// Smaller fleets leave too little behind to be worth a pass over the heaps.
    static let minimumRows = 100_000
    /// Time for the screen and the journal to let go of the previous poll.
    static let delay: Duration = .seconds(2)

    private var trimmedLoad: Date?

    /// Looks at a state the store published; trims once its synchronizers have landed.
    mutating func note(_ state: AppState) {
        guard let loaded = state.synchronizersResource.loadedAt, loaded != trimmedLoad,
              !state.synchronizers.isDeriving, state.synchronizers.all.count >= Self.minimumRows else { return }
        trimmedLoad = loaded
        Task.detached(priority: .utility) {
            try? await Task.sleep(for: Self.delay)
            Self.trim()
        }
    }

    /// glibc's `malloc_trim(0)`, found at run time (Swift's Glibc module does not declare
    /// it); nothing where the C library has none.
    static func trim() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
