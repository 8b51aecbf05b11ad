import Foundation
import SynqConfig
import SynqFiles
import SynqTestSupport

extension ScratchHome {
    var locations: ConfigLocations { ConfigLocations(environment: environment) }

    /// A home whose config folder holds `text` as config.toml (and no credentials file).
    convenience init(config text: String) throws {
        try self.init()
        try SecureFile.ensureDirectory(locations.configDirectory)
        try SecureFile.write(Data(text.utf8), to: locations.profilesFile)
    }

    static func mode(_ path: String) -> UInt16? { SecureFile.mode(of: path) }
}
