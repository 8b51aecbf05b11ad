import Foundation

/// What the CLI should do after setup, as the preferences' `defaultAction` names it.
/// Values outside the documented three are kept verbatim rather than failing the response.
public enum DefaultAction: Sendable, Hashable, Codable, CustomStringConvertible {
    case start
    case service
    case web
    case other(String)

    public init(rawValue: String) {
        switch rawValue.lowercased() {
        case "start": self = .start
        case "service": self = .service
        case "web": self = .web
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .start: "start"
        case .service: "service"
        case .web: "web"
        case .other(let value): value
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An enterprise account's preferences for automatic CLI configuration.
///
/// `dashboardPassword` arrives already masked by the server; it is display text, never a
/// usable password.
public struct Preferences: Codable, Sendable, Equatable {
    public var walletAddress: String?
    public var dashboardPassword: String?
    public var defaultAction: DefaultAction?
    public var web: Bool?

    public init(walletAddress: String? = nil, dashboardPassword: String? = nil, defaultAction: DefaultAction? = nil, web: Bool? = nil) {
        self.walletAddress = walletAddress
        self.dashboardPassword = dashboardPassword
        self.defaultAction = defaultAction
        self.web = web
    }
}

/// The owner block of the preferences response.
public struct PreferencesOwner: Codable, Sendable, Equatable {
    public var walletAddress: String?
    public init(walletAddress: String? = nil) { self.walletAddress = walletAddress }
}

/// Response of `GET /synq-keys/enterprise/preferences`.
public struct PreferencesResponse: Codable, Sendable, Equatable {
    public var success: Bool
    public var message: String?
    public var preferences: Preferences
    public var owner: PreferencesOwner?

    public init(success: Bool = true, message: String? = nil, preferences: Preferences, owner: PreferencesOwner? = nil) {
        self.success = success
        self.message = message
        self.preferences = preferences
        self.owner = owner
    }

    enum CodingKeys: String, CodingKey { case success, message, preferences, owner }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decodeIfPresent(Bool.self, forKey: .success) ?? true
        message = try container.decodeIfPresent(String.self, forKey: .message)
        preferences = try container.decodeIfPresent(Preferences.self, forKey: .preferences) ?? Preferences()
        owner = try container.decodeIfPresent(PreferencesOwner.self, forKey: .owner)
    }
}
