import Synchronization

/// Collects what a provisioner says, from any task.
final class Lines: Sendable {
    private let storage = Mutex<[String]>([])

    var say: @Sendable (String) -> Void {
        { [self] line in storage.withLock { $0.append(line) } }
    }

    var all: [String] { storage.withLock { $0 } }
    var text: String { all.joined(separator: "\n") }
}
