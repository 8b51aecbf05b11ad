import Foundation
import SynqFiles

/// Reads and writes `~/.synchronizer-cli/config.json` with the private-file rules.
public struct SynchronizerConfigFile: Sendable {
    public var locations: ConfigLocations

    public init(locations: ConfigLocations) {
        self.locations = locations
    }

    /// The current config, nil when there is none. A file others can read is refused.
    public func read() throws(ProvisionError) -> SynchronizerConfig? {
        let data: Data?
        do {
            data = try SecureFile.readPrivate(locations.synchronizerConfigFile)
        } catch {
            throw .file(error)
        }
        guard let data else { return nil }
        guard let config = try? JSONDecoder().decode(SynchronizerConfig.self, from: data) else {
            throw .unreadableConfig(path: locations.synchronizerConfigFile)
        }
        return config
    }

    public func write(_ config: SynchronizerConfig) throws(ProvisionError) {
        do {
            try SecureFile.ensureDirectory(locations.synchronizerDirectory)
            let data = (try? config.encoded()) ?? Data()
            try SecureFile.write(data, to: locations.synchronizerConfigFile, mode: 0o600)
        } catch {
            throw .file(error)
        }
    }
}
