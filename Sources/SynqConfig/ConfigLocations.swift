import Foundation

/// Where synq keeps its own files and where the synchronizer-cli compatible files go.
/// Built from an environment so tests point it at temporary folders, never the real home.
public struct ConfigLocations: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/synq`, else `~/.config/synq`.
    public var configDirectory: String
    /// `~/.synchronizer-cli`, shared with the Node `synchronize` CLI.
    public var synchronizerDirectory: String

    public init(configDirectory: String, synchronizerDirectory: String) {
        self.configDirectory = configDirectory
        self.synchronizerDirectory = synchronizerDirectory
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let xdg = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        configDirectory = (xdg ?? home + "/.config") + "/synq"
        synchronizerDirectory = home + "/.synchronizer-cli"
    }

    /// Profiles and base URLs (no secrets), TOML so people can edit it.
    public var profilesFile: String { configDirectory + "/config.toml" }
    /// API keys of every profile, encrypted or protected by permissions only.
    public var credentialsFile: String { configDirectory + "/credentials.json" }
    /// The synchronizer-cli compatible configuration.
    public var synchronizerConfigFile: String { synchronizerDirectory + "/config.json" }
    /// The systemd unit; holds no secret.
    public var serviceFile: String { synchronizerDirectory + "/synchronizer-cli.service" }
    /// The synq key for the unit and for `start`, mode 0600.
    public var environmentFile: String { synchronizerDirectory + "/synchronizer-cli.env" }
}
