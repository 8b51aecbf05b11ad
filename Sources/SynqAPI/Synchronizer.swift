import Foundation

/// A Multisynq synchronizer as the Enterprise API describes it.
///
/// `id` and `key` are opaque strings: the documented sample key contains a non-hex `g`,
/// so nothing here assumes UUIDs. The create and toggle responses omit some fields,
/// hence the optionals.
public struct Synchronizer: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var key: String
    public var name: String
    public var isEnabled: Bool?
    public var createdAt: Date?

    public init(id: String, key: String, name: String, isEnabled: Bool? = nil, createdAt: Date? = nil) {
        self.id = id
        self.key = key
        self.name = name
        self.isEnabled = isEnabled
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey { case id, key, name, isEnabled, createdAt }

    /// The state as every surface words it: "enabled", "disabled", or "unknown" when the
    /// server did not say. The one place this text is written.
    public static func stateText(isEnabled: Bool?) -> String {
        switch isEnabled {
        case true?: "enabled"
        case false?: "disabled"
        case nil: "unknown"
        }
    }

    public var stateText: String { Self.stateText(isEnabled: isEnabled) }

    /// Reads `createdAt` as text and parses it directly: a fleet list carries one date per
    /// row, and the decoder's date-strategy closure costs more than the parse itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        key = try container.decode(String.self, forKey: .key)
        name = try container.decode(String.self, forKey: .name)
        isEnabled = try container.decodeIfPresent(Bool.self, forKey: .isEnabled)
        if let text = try container.decodeIfPresent(String.self, forKey: .createdAt) {
            guard let date = JSONCoding.parseDate(text) else {
                throw DecodingError.dataCorruptedError(forKey: .createdAt, in: container, debugDescription: "not an ISO 8601 date")
            }
            createdAt = date
        } else {
            createdAt = nil
        }
    }
}

/// Body of `POST /synq-keys/enterprise/synchronizer`.
public struct CreateSynchronizerRequest: Codable, Sendable, Equatable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// Body of `PUT /synq-keys/enterprise/synchronizer/:id/toggle`.
public struct ToggleSynchronizerRequest: Codable, Sendable, Equatable {
    public var isEnabled: Bool
    public init(isEnabled: Bool) { self.isEnabled = isEnabled }
}

/// Response of `GET /synq-keys/enterprise/synchronizers`.
///
/// The rows are held compactly in a `SynchronizerFleet`; `synchronizers` makes them into
/// an array of models for callers that want one (small lists, tests, provisioning).
public struct SynchronizerList: Codable, Sendable, Equatable {
    public var success: Bool
    public var fleet: SynchronizerFleet
    /// Entries the server sent that could not be read (missing `id`, wrong types); they are
    /// dropped rather than failing the whole list, and counted so the caller can say so.
    public var skipped: Int

    public var synchronizers: [Synchronizer] {
        get { Array(fleet) }
        set { fleet = SynchronizerFleet(newValue) }
    }

    public init(success: Bool = true, synchronizers: [Synchronizer], skipped: Int = 0) {
        self.init(success: success, fleet: SynchronizerFleet(synchronizers), skipped: skipped)
    }

    public init(success: Bool = true, fleet: SynchronizerFleet, skipped: Int = 0) {
        self.success = success
        self.fleet = fleet
        self.skipped = skipped
    }

    enum CodingKeys: String, CodingKey { case success, synchronizers }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decodeIfPresent(Bool.self, forKey: .success) ?? true
        let lossy = try container.decode(LossyArray<Synchronizer>.self, forKey: .synchronizers)
        fleet = SynchronizerFleet(lossy.elements)
        skipped = lossy.skipped
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
        try container.encode(synchronizers, forKey: .synchronizers)
    }
}

/// Response of the create and toggle calls: a message and the synchronizer concerned.
public struct SynchronizerResult: Codable, Sendable, Equatable {
    public var success: Bool
    public var message: String
    public var synchronizer: Synchronizer

    public init(success: Bool = true, message: String, synchronizer: Synchronizer) {
        self.success = success
        self.message = message
        self.synchronizer = synchronizer
    }

    enum CodingKeys: String, CodingKey { case success, message, synchronizer }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decodeIfPresent(Bool.self, forKey: .success) ?? true
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
        synchronizer = try container.decode(Synchronizer.self, forKey: .synchronizer)
    }
}
