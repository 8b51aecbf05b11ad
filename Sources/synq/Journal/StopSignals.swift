import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into one call of `stop` (for a clean shutdown instead of
/// the default death), and makes a write to a closed pipe an error instead of SIGPIPE.
/// When standard output is a pipe or socket, its reader going away also calls `stop`, even
/// while nothing is being written.
final class StopSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "synq.stop-signals")

    init(stop: @escaping @Sendable () -> Void) {
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: stop)
            source.resume()
            sources.append(source)
        }
        if Self.stdoutIsPipe() {
            let thread = Thread {
                var watched = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
                // No events asked for: poll returns only on POLLERR/POLLHUP (the reader closed).
                while poll(&watched, 1, -1) < 0 && errno == EINTR {}
                stop()
            }
            thread.name = "synq.stdout-hangup"
            thread.start()
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    private static func stdoutIsPipe() -> Bool {
        var info = stat()
        guard fstat(STDOUT_FILENO, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFSOCK
    }
}
