import Foundation
import SynqConfig
import SynqViewModel

/// The TUI's alert settings from `[alerts]` in config.toml (bell and flash, both on unless
/// set to false). A config file that cannot be read leaves the defaults: the theme choice
/// has already reported it.
enum AlertSettingsLoader {
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> AlertSettings {
        let store = CredentialStore(locations: ConfigLocations(environment: environment))
        guard let set = try? store.loadProfiles() else { return .standard }
        return AlertSettings(bell: set.alertBell ?? true, flash: set.alertFlash ?? true)
    }
}
