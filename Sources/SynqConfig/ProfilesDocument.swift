import Foundation
import SynqTOML

/// The on-disk shape of `config.toml`: which profile is active, the TUI theme, and each
/// profile's base URLs and theme. No secret is ever written here.
struct ProfilesDocument: Codable, Sendable {
    struct Entry: Codable, Sendable, Equatable {
        var enterprise_url: String?
        var synvo_url: String?
        var theme: String?
    }

    /// `[alerts]`: what the TUI does for an alarming change (see `AlertRule`).
    struct Alerts: Codable, Sendable, Equatable {
        var bell: Bool?
        var flash: Bool?
    }

    /// `[ui]`: how the TUI uses the terminal.
    struct UI: Codable, Sendable, Equatable {
        /// false: the mouse stays the terminal's, as `--no-mouse`.
        var mouse: Bool?
    }

    var active: String?
    /// The TUI theme for every profile that does not set its own.
    var theme: String?
    var alerts: Alerts?
    var ui: UI?
    var profiles: [String: Entry]?

    static let header = """
    # synq configuration: named profiles, their base URLs, and the TUI theme (theme = "light",
    # top level or per profile). [alerts] bell = false / flash = false silence the TUI's alerts;
    # [ui] mouse = false leaves the mouse to the terminal.
    # API keys are never kept here; they live in credentials.json beside this file (mode 0600).
    # Precedence for every setting: command-line flags, then environment, then this file.

    """

    static func parse(_ text: String) throws -> ProfilesDocument {
        try TOMLText.decode(ProfilesDocument.self, from: text)
    }

    func render() throws -> String {
        let body = try TOMLText.encode(self)
        // The encoder leaves out an empty table, so a profile with no URL and no theme (one
        // whose keys alone are in credentials.json, or a bare `[profiles.NAME]` the user
        // wrote) would vanish when synq rewrites the file: write its header explicitly.
        let empty = (profiles ?? [:]).filter { $0.value == Entry() }.keys.sorted()
        let headers = empty.map { "[profiles.\(TOMLText.quotedKey($0))]\n" }.joined()
        return Self.header + body + (body.isEmpty || body.hasSuffix("\n") ? "" : "\n") + headers
    }
}
