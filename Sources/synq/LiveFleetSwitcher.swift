import Foundation
import SynqAPI
import SynqConfig
import SynqViewModel

/// The TUI's profile picker, on the config folder. A picked profile brings its own URLs and
/// keys (never the environment's keys, which may belong to another fleet); a key it lacks,
/// or cannot open (encrypted, and SYNQ_PASSPHRASE unset: the TUI owns the terminal, so
/// nothing is asked here), is asked for in its pane. Flags such as --timeout and --insecure
/// still apply.
struct LiveFleetSwitcher: FleetSwitcher {
    let profileNames: [String]
    let environment: [String: String]
    /// The settings of this run: timeout and --insecure carry over to every profile.
    let base: Settings

    init(environment: [String: String] = ProcessInfo.processInfo.environment, base: Settings) {
        self.environment = environment
        self.base = base
        let store = CredentialStore(locations: ConfigLocations(environment: environment))
        profileNames = (try? store.loadProfiles().sortedNames) ?? []
    }

    func connect(profile name: String) async throws(FleetSwitchError) -> FleetConnection {
        let store = CredentialStore(locations: ConfigLocations(environment: environment))
        let set: ProfileSet
        do {
            do {
                set = try store.load(passphrase: LivePassphraseSource(environment: environment, prompts: false))
            } catch CredentialStoreError.passphraseRequired {
                set = try store.load(passphrase: nil)
            }
        } catch {
            throw FleetSwitchError("\(error)")
        }
        let profile: Profile
        do {
            profile = try set.profile(named: name)
        } catch {
            throw FleetSwitchError(error.description)
        }
        var settings = base
        settings.profile = profile.name
        settings.enterpriseURL = profile.enterpriseURL ?? ServiceEndpoint.defaultEnterpriseURL
        settings.synvoURL = profile.synvoURL ?? ServiceEndpoint.defaultSynvoURL
        settings.enterpriseKey = profile.enterpriseKey
        settings.synvoKey = profile.synvoKey
        do throws(APIError) {
            let enterprise: (any EnterpriseAPI)? = settings.enterpriseKey == nil ? nil : try settings.enterpriseClient()
            let synvo: (any SynvoAPI)? = settings.synvoKey == nil ? nil : try settings.synvoClient()
            return FleetConnection(enterprise: enterprise, synvo: synvo, credentials: TypedCredentialFactory(settings: settings),
                                   fleet: settings.fleet())
        } catch {
            throw FleetSwitchError(error.description)
        }
    }
}
