import SynqAPI

/// The one place that knows how the API's list types become journal snapshots. The synq
/// key of a synchronizer is left behind here (a synchronizer poll is read in place: see
/// `FleetSnapshot.init(_: SynchronizerFleet)`).
extension FleetSnapshot {
    public init(_ list: SynvoKeyList) {
        self.init(list.items.map { FleetRow(id: $0.keyID, name: $0.name, status: $0.status.rawValue, lastUsed: $0.lastUsedAt) })
    }
}
