import SynqAPI

/// The one place that knows how the API's list types become journal snapshots. The synq
/// key of a synchronizer is left behind here.
extension FleetSnapshot {
    /// Copies ids, names and states straight from the fleet's arena: no `Synchronizer`
    /// value and no `String` per row.
    public init(_ fleet: SynchronizerFleet) {
        var builder = Builder(rows: fleet.count, bytes: fleet.arena.count)
        fleet.arena.withUnsafeBytes { arena in
            for row in fleet.indices {
                builder.append(id: UnsafeRawBufferPointer(rebasing: arena[fleet.idRange(row)]),
                               name: UnsafeRawBufferPointer(rebasing: arena[fleet.nameRange(row)]),
                               status: nil, enabled: fleet.isEnabled(at: row), lastUsed: .nan)
            }
        }
        self = builder.sorted()
    }

    public init(_ list: SynvoKeyList) {
        self.init(list.items.map { FleetRow(id: $0.keyID, name: $0.name, status: $0.status.rawValue, lastUsed: $0.lastUsedAt) })
    }
}
