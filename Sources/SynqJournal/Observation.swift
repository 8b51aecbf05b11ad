import Foundation
import SynqAPI

/// What a poller hands the journal: a list as the server answered it, or an action of
/// synq's own that succeeded. Lists are passed as the API returned them; the journal turns
/// them into `FleetSnapshot`s on its own task, off the poller's path.
public struct Observation: Sendable {
    public var profile: String
    /// When the answer arrived.
    public var at: Date
    public var content: Content

    public enum Content: Sendable {
        case synchronizers(SynchronizerList)
        case synvoKeys(SynvoKeyList)
        case preferences(PreferencesResponse)
        /// synq toggled a synchronizer and the server accepted it.
        case toggled(id: String, name: String?, enabled: Bool)
        /// synq created an item and the server accepted it.
        case created(JournalResource, id: String, name: String?)
    }

    public init(profile: String, at: Date, _ content: Content) {
        self.profile = profile
        self.at = at
        self.content = content
    }
}
