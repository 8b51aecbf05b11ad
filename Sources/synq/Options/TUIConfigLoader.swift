import Foundation
import SynqConfig
import SynqViewModel

/// The TUI's settings from config.toml: `[alerts]` (bell and flash, both on unless set to
/// false) and `[ui] mouse` (on unless false). A config file that cannot be read leaves the
/// defaults: the theme choice has already reported it.
enum TUIConfigLoader {
    struct Loaded {
        var alerts = AlertSettings.standard
        var mouse = true
    }

    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> Loaded {
        let store = CredentialStore(locations: ConfigLocations(environment: environment))
        guard let set = try? store.loadProfiles() else { return Loaded() }
        return Loaded(alerts: AlertSettings(bell: set.alertBell ?? true, flash: set.alertFlash ?? true), mouse: set.uiMouse ?? true)
    }
}
