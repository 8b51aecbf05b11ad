import SynqAPI

/// A synchronizer from an Enterprise API answer whose id, key and name passed the
/// `ServerToken` checks: the only form in which a server's synchronizer reaches config.json,
/// the systemd unit, the env file or a manifest.
struct VerifiedSynchronizer: Sendable, Equatable {
    let id: String
    let key: String
    let name: String

    init(_ synchronizer: Synchronizer) throws(ServerValueError) {
        id = try ServerToken(synchronizer.id, kind: .identifier, field: "synchronizer id").text
        key = try ServerToken(synchronizer.key, kind: .key, field: "synchronizer key").text
        name = try ServerToken(synchronizer.name, kind: .name, field: "synchronizer name").text
    }

    /// A placeholder for `--dry-run`, which never creates anything.
    init(placeholderNamed name: String) {
        id = "<id from the create response>"
        key = "<synq key from the create response>"
        self.name = name
    }
}
