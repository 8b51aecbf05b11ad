import SynqConfig
import SynqFiles
import SynqTestSupport

extension ScratchHome {
    var locations: ConfigLocations { ConfigLocations(environment: environment) }

    static func mode(_ path: String) -> UInt16? { SecureFile.mode(of: path) }
}
