import SynqAPI

/// The preferences as the journal compares them: field name → display value, with the
/// dashboard password reduced to its mask so no password can reach the journal even if a
/// server sends one unmasked.
public struct PreferenceValues: Sendable, Hashable {
    public var fields: [(name: String, value: String?)] { Self.order.map { ($0, values[$0] ?? nil) } }
    private var values: [String: String?]

    static let order = ["walletAddress", "dashboardPassword", "defaultAction", "web", "ownerWallet"]

    public init(_ response: PreferencesResponse) {
        let preferences = response.preferences
        values = [
            "walletAddress": preferences.walletAddress,
            "dashboardPassword": preferences.dashboardPassword.map(Self.mask),
            "defaultAction": preferences.defaultAction?.rawValue,
            "web": preferences.web.map { $0 ? "true" : "false" },
            "ownerWallet": response.owner?.walletAddress,
        ]
    }

    /// The changes from `old` to this, one per field.
    public func changes(from old: PreferenceValues) -> [FleetChange] {
        Self.order.compactMap { field in
            let before = old.values[field] ?? nil
            let after = values[field] ?? nil
            guard before != after else { return nil }
            return FleetChange(id: field, name: nil, kind: .preferenceChanged, oldValue: before, newValue: after)
        }
    }

    /// Every character becomes `*`: the length a server's mask had, never its content.
    static func mask(_ text: String) -> String {
        String(repeating: "*", count: min(text.count, 32))
    }
}
