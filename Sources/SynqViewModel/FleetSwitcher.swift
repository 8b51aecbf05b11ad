import SynqAPI
import SynqJournal

/// Connects to another profile's fleet from inside the TUI (the profile picker, `P`). The
/// live one (in the `synq` executable) reads the config folder; it never prompts, since
/// the terminal belongs to the TUI: keys it cannot open are asked for in the panes.
public protocol FleetSwitcher: Sendable {
    /// The profiles the picker offers, in order.
    var profileNames: [String] { get }
    /// Clients, key factory and identity for a profile (a missing key leaves its client nil).
    func connect(profile: String) async throws(FleetSwitchError) -> FleetConnection
}

/// Everything that changes with the profile.
public struct FleetConnection: Sendable {
    public var enterprise: (any EnterpriseAPI)?
    public var synvo: (any SynvoAPI)?
    public var credentials: (any CredentialClientFactory)?
    public var fleet: FleetIdentity

    public init(enterprise: (any EnterpriseAPI)?, synvo: (any SynvoAPI)?, credentials: (any CredentialClientFactory)?, fleet: FleetIdentity) {
        self.enterprise = enterprise
        self.synvo = synvo
        self.credentials = credentials
        self.fleet = fleet
    }
}

/// Why a profile could not be switched to, in one line.
public struct FleetSwitchError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// What the reducer learns from a switch: the new identity, which APIs have a key, and the
/// new profile's newest journal history (oldest first) for the Events pane.
public struct FleetSwitch: Sendable, Hashable {
    public var fleet: FleetIdentity
    public var configured: Set<Service>
    public var history: [JournalEvent]

    public init(fleet: FleetIdentity, configured: Set<Service>, history: [JournalEvent] = []) {
        self.fleet = fleet
        self.configured = configured
        self.history = history
    }
}

/// The profile picker: the names, and which one the cursor is on.
public struct ProfilePicker: Sendable, Hashable {
    public var names: [String]
    public var selected: Int

    public init(names: [String], current: String?) {
        self.names = names
        self.selected = current.flatMap { names.firstIndex(of: $0) } ?? 0
    }

    public var choice: String? { names.indices.contains(selected) ? names[selected] : nil }
}
