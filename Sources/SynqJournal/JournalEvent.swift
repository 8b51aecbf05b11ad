import Foundation

/// One change synq saw. Holds no secret: synq keys and API keys never become events, and a
/// preference that is a password keeps only its mask.
///
/// Its `Codable` form is the JSON that `synq events --json`, `synq watch --json` and the
/// `--on-change` command's standard input carry (one object per line).
public struct JournalEvent: Sendable, Hashable, Codable {
    /// When the poll (or the action) that showed the change answered.
    public var observedAt: Date
    public var profile: String
    public var resource: JournalResource
    /// The item's id (`id` of a synchronizer, `key_id` of a Synvo key, the field name of a preference).
    public var itemID: String
    /// The item's name when it has one (the new name for a rename).
    public var name: String?
    public var kind: EventKind
    public var oldValue: String?
    public var newValue: String?
    public var origin: EventOrigin

    public init(observedAt: Date, profile: String, resource: JournalResource, itemID: String, name: String?,
                kind: EventKind, oldValue: String?, newValue: String?, origin: EventOrigin) {
        self.observedAt = observedAt
        self.profile = profile
        self.resource = resource
        self.itemID = itemID
        self.name = name
        self.kind = kind
        self.oldValue = oldValue
        self.newValue = newValue
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey {
        case observedAt = "time"
        case profile, resource
        case itemID = "id"
        case name, kind
        case oldValue = "old"
        case newValue = "new"
        case origin
    }
}
