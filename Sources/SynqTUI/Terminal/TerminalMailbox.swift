import Synchronization
import SynqAPI
import SynqViewModel

/// The hand-off between the async world and the terminal thread: the newest state, raw
/// output to write (OSC 52), and a stop request. The async side puts and pokes the wake
/// pipe; the terminal thread takes everything at once when it wakes.
final class TerminalMailbox: Sendable {
    struct Content: Sendable {
        var state: AppState?
        var stateVersion = 0
        var rawWrites: [(text: String, done: CheckedContinuation<CopyOutcome, Never>?)] = []
        var stopRequested = false
    }

    private let content = Mutex(Content())

    func post(_ state: AppState) {
        content.withLock {
            $0.state = state
            $0.stateVersion += 1
        }
    }

    func enqueueRaw(_ text: String, done: CheckedContinuation<CopyOutcome, Never>?) {
        content.withLock { $0.rawWrites.append((text, done)) }
    }

    func requestStop() { content.withLock { $0.stopRequested = true } }

    /// Everything pending; raw writes are handed over and cleared.
    func take() -> Content {
        content.withLock { box in
            let snapshot = box
            box.rawWrites.removeAll()
            return snapshot
        }
    }
}
