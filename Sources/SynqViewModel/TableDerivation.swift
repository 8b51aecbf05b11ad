import Foundation

/// A filter-and-sort pass over a table too large to do between two frames: the reducer
/// returns it as an effect, the store runs it off the render loop, and its answer comes
/// back as `Action.tableDerived`. A newer pass for the same pane cancels the older one.
/// Equal when pane and generation are (the work itself is a closure).
public struct TableDerivation: Sendable, Hashable {
    public var pane: Pane
    public let generation: Int
    let work: @Sendable (_ isCancelled: () -> Bool) -> DerivedRows?

    /// Runs the pass; nil when cancelled.
    public func run(isCancelled: () -> Bool) -> DerivedRows? { work(isCancelled) }

    public static func == (lhs: TableDerivation, rhs: TableDerivation) -> Bool {
        lhs.pane == rhs.pane && lhs.generation == rhs.generation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pane)
        hasher.combine(generation)
    }
}

/// The answer of a pass: the rows to show, in order, as indices into the storage it read.
public struct DerivedRows: Sendable, Equatable {
    let generation: Int
    let order: [Int32]
    /// Rows new or changed since the data this pass replaced, when asked for.
    let changes: [String: RowChange]?
    /// The table storage the pass read (`order` indexes into it).
    let storage: any Sendable

    public static func == (lhs: DerivedRows, rhs: DerivedRows) -> Bool {
        lhs.generation == rhs.generation && lhs.order == rhs.order && lhs.changes == rhs.changes
    }
}

/// Tells a running pass that a newer one replaced it.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() { lock.withLock { cancelled = true } }
    public var isCancelled: Bool { lock.withLock { cancelled } }
}
