import Foundation
import SynqAPI
import SynqJournal

/// Where a store hands what its effects brought back: the journal, under the profile the
/// store is acting on. Only answers that succeeded are journalled, and of a created Synvo
/// key only its id and name (never the one-time plaintext).
public struct JournalTap: Sendable {
    public let journal: Journal
    public var profile: String

    public init(journal: Journal, profile: String) {
        self.journal = journal
        self.profile = profile
    }

    /// Passes on what `action` reports, if the journal cares; returns at once.
    func note(_ action: Action) {
        guard let (content, at) = Self.content(of: action) else { return }
        journal.record(Observation(profile: profile, at: at, content))
    }

    static func content(of action: Action) -> (Observation.Content, Date)? {
        switch action {
        case .synchronizersLoaded(.success(let list), let at):
            (.synchronizers(list), at)
        case .keysLoaded(.success(let answer), let at):
            (.synvoKeys(answer.value), at)
        case .preferencesLoaded(.success(let response), let at):
            (.preferences(response), at)
        case .toggleFinished(let id, let enable, .success(let result), let at):
            (.toggled(id: id, name: result.synchronizer.name, enabled: result.synchronizer.isEnabled ?? enable), at)
        case .synchronizerCreated(.success(let result), let at):
            (.created(.synchronizer, id: result.synchronizer.id, name: result.synchronizer.name), at)
        case .keyCreated(let name, .success(let created), let at):
            (.created(.synvoKey, id: created.value.keyID, name: name), at)
        default:
            nil
        }
    }
}
