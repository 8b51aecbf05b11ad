import Foundation
import SynqAPI

/// Every profile of the config folder, which one is active, and how the keys are protected.
/// Loaded and saved as a whole by `CredentialStore`.
public struct ProfileSet: Sendable, Equatable {
    public var activeName: String
    public var profiles: [String: Profile]
    public var protection: CredentialProtection
    /// The top-level `theme` of config.toml: the TUI theme of profiles without their own.
    public var theme: String?
    /// `[alerts] bell` and `flash` of config.toml (nil: not set, on).
    public var alertBell: Bool?
    public var alertFlash: Bool?
    /// `[ui] mouse` of config.toml (nil: not set, on; false: as `--no-mouse`).
    public var uiMouse: Bool?
    /// The passphrase that opened the file, kept so a save re-seals under the same one.
    var passphrase: Secret?
    /// False when encrypted keys were left sealed (loaded without a passphrase); saving then
    /// rewrites the profiles only.
    public internal(set) var keysLoaded = true

    public init(activeName: String = Profile.defaultName, profiles: [String: Profile] = [:], protection: CredentialProtection = .permissionsOnly,
                theme: String? = nil) {
        self.activeName = activeName
        self.profiles = profiles
        self.protection = protection
        self.theme = theme
    }

    /// The profile called `name` (or the active one); the default profile may be empty.
    public func profile(named name: String? = nil) throws(CredentialStoreError) -> Profile {
        let wanted = name ?? activeName
        if let found = profiles[wanted] { return found }
        if wanted == Profile.defaultName { return Profile(name: wanted) }
        throw .profileNotFound(wanted)
    }

    /// Adds or replaces a profile.
    public mutating func put(_ profile: Profile) throws(CredentialStoreError) {
        guard Profile.isValidName(profile.name) else { throw .invalidProfileName(profile.name) }
        profiles[profile.name] = profile
    }

    public var sortedNames: [String] { profiles.keys.sorted() }

    /// Switches to passphrase protection; the next save seals the keys.
    public mutating func encrypt(with passphrase: Secret) {
        protection = .passphrase
        self.passphrase = passphrase
    }

    /// Switches back to permissions-only protection.
    public mutating func decrypt() {
        protection = .permissionsOnly
        passphrase = nil
    }
}
