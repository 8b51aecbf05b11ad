import Foundation
import SynqAPI
import Synchronization
@testable import SynqViewModel

/// Records what the store asked to copy.
final class RecordingClipboard: ClipboardWriter, Sendable {
    private let copied = Mutex<[String]>([])
    var texts: [String] { copied.withLock { $0 } }
    func copy(_ text: Secret) async -> CopyOutcome {
        copied.withLock { $0.append(text.reveal()) }
        return .sent
    }
}
