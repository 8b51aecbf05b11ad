import SynqAPI

/// The one place that knows how the API's list types become journal rows. The synq key of
/// a synchronizer is left behind here.
extension FleetRow {
    static func rows(_ list: SynchronizerList) -> [FleetRow] {
        list.synchronizers.map { FleetRow(id: $0.id, name: $0.name, enabled: $0.isEnabled) }
    }

    static func rows(_ list: SynvoKeyList) -> [FleetRow] {
        list.items.map { FleetRow(id: $0.keyID, name: $0.name, status: $0.status.rawValue, lastUsed: $0.lastUsedAt) }
    }
}
