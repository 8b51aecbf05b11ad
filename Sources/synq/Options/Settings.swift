import Foundation
import SynqAPI
import SynqViewModel

/// The connection settings of one run, resolved from flags, then environment, then the
/// config file. Either service may be unconfigured; commands ask for the one they need.
struct Settings: Sendable {
    var enterpriseURL: String
    var synvoURL: String
    var enterpriseKey: Secret?
    var synvoKey: Secret?
    var insecure: Bool
    var timeout: Double
    /// The profile these settings came from (the journal's `profile` column); "default" without one.
    var profileName = "default"
    /// The config profile that filled in the rest (nil when flags and environment set all,
    /// and no profile was read): the TUI's top line says "env" then, not "default".
    var profile: String? = nil

    /// Which fleet these settings reach, for the TUI's top line.
    func fleet(isDemo: Bool = false) -> FleetIdentity {
        FleetIdentity(profile: profile, enterpriseURL: enterpriseURL, synvoURL: synvoURL, isDemo: isDemo)
    }

    /// Where the APIs are, without the keys.
    var connection: ServiceConnection {
        ServiceConnection(enterpriseURL: enterpriseURL, synvoURL: synvoURL, insecure: insecure, timeout: timeout)
    }

    func enterpriseEndpoint() throws(APIError) -> ServiceEndpoint {
        try connection.enterpriseEndpoint()
    }

    func synvoEndpoint() throws(APIError) -> ServiceEndpoint {
        try connection.synvoEndpoint()
    }

    func enterpriseClient() throws(APIError) -> EnterpriseClient {
        guard let enterpriseKey else { throw .missingCredential(.enterprise) }
        return try connection.enterpriseClient(apiKey: enterpriseKey)
    }

    func synvoClient() throws(APIError) -> SynvoClient {
        guard let synvoKey else { throw .missingCredential(.synvo) }
        return try connection.synvoClient(apiKey: synvoKey)
    }
}

/// Builds `Settings` from the parsed options and an environment.
struct SettingsResolver {
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func resolve(_ options: ConnectionOptions) throws -> Settings {
        let enterpriseKey: Secret? = try options.enterpriseKeyFile.map { try SecretFile.read($0) } ?? nonEmpty("ENTERPRISE_API_KEY").map { Secret($0) }
        let synvoKey: Secret? = try options.synvoKeyFile.map { try SecretFile.read($0) } ?? nonEmpty("SYNVO_API_KEY").map { Secret($0) }
        var settings = Settings(
            enterpriseURL: options.enterpriseURL ?? nonEmpty("ENTERPRISE_API_URL") ?? ServiceEndpoint.defaultEnterpriseURL,
            synvoURL: options.synvoURL ?? nonEmpty("SYNVO_BASE_URL") ?? ServiceEndpoint.defaultSynvoURL,
            enterpriseKey: enterpriseKey,
            synvoKey: synvoKey,
            insecure: options.insecure,
            timeout: options.timeout
        )
        // Flags and environment win; the config file's profile (`options.profile`) fills the rest.
        settings = try ProfileLayer(environment: environment).fill(settings, options: options)
        return settings
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
