import SynqAPI

/// The preferences pane's content. The dashboard password is never kept: the server
/// sends it masked, and even if a server sent plaintext only "is one set" survives.
public struct PreferencesView: Sendable, Hashable {
    public var walletAddress: String?
    /// True when the server reports a (masked) dashboard password.
    public var hasDashboardPassword: Bool
    public var defaultAction: String?
    public var web: Bool?
    public var ownerWalletAddress: String?
    /// The server's message, e.g. "Preferences retrieved successfully".
    public var message: String?

    /// What the renderer shows for the password: always a mask, or "not set".
    public static let passwordMask = "••••••••"
    public var dashboardPasswordDisplay: String { hasDashboardPassword ? Self.passwordMask : "not set" }

    public init(walletAddress: String?, hasDashboardPassword: Bool, defaultAction: String?, web: Bool?, ownerWalletAddress: String?, message: String? = nil) {
        self.walletAddress = walletAddress
        self.hasDashboardPassword = hasDashboardPassword
        self.defaultAction = defaultAction
        self.web = web
        self.ownerWalletAddress = ownerWalletAddress
        self.message = message
    }

    public init(_ response: PreferencesResponse) {
        let preferences = response.preferences
        self.init(
            walletAddress: preferences.walletAddress,
            hasDashboardPassword: !(preferences.dashboardPassword ?? "").isEmpty,
            defaultAction: preferences.defaultAction?.rawValue,
            web: preferences.web,
            ownerWalletAddress: response.owner?.walletAddress,
            message: response.message
        )
    }
}
