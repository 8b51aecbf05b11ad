import CNcurses
import Foundation
import SynqAPI
import SynqViewModel
#if canImport(Glibc)
import Glibc
#endif

/// The terminal as the rest of the app sees it: post states, get keys, copy to the
/// clipboard, stop. Behind it one dedicated thread (not the cooperative pool, whose
/// threads must never block in poll) owns ncurses for the whole session.
public final class TerminalSession: Sendable, ClipboardWriter {
    private let configuration: TerminalConfiguration
    private let mailbox = TerminalMailbox()
    private let wakeRead: Int32
    private let wakeWrite: Int32

    public init(configuration: TerminalConfiguration) throws(TerminalError) {
        self.configuration = configuration
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .pipeFailed(errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) that ended the last `run`, if one did,
    /// so the program can exit with 128 + its number like any other interrupted command.
    public static var stopSignal: Int32? {
        let signal = synq_stop_signal()
        return signal == 0 ? nil : signal
    }

    /// True when both standard input and output are terminals.
    public static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Throws unless the full-screen UI can run here: standard input and output are a
    /// terminal, TERM names a known type, and that type can move the cursor. Cheap and
    /// side-effect free, so callers check before they start anything (polls, a sandbox).
    public static func checkTerminal() throws(TerminalError) {
        guard isInteractive else { throw .notATerminal }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        switch synq_probe_terminal(STDOUT_FILENO) {
        case 1: return
        case 0: throw .noCursorAddressing(term: term)
        default: throw .cannotInitialize(term: term)
        }
    }

    /// Shows this state next (older unshown states are skipped).
    public func post(_ state: AppState) {
        mailbox.post(state)
        wake()
    }

    /// Ends `run`, restoring the terminal.
    public func stop() {
        mailbox.requestStop()
        wake()
    }

    /// OSC 52: written by the terminal thread between frames.
    public func copy(_ text: Secret) async -> CopyOutcome {
        let sequence = OSC52.sequence(for: text, insideTmux: configuration.insideTmux)
        return await withCheckedContinuation { continuation in
            mailbox.enqueueRaw(sequence, done: continuation)
            wake()
        }
    }

    /// Runs the terminal until `stop()`. `key` gets every key press, `viewport` the number
    /// of visible table rows when it changes, `helpViewport` what fits of the help overlay
    /// when that changes, `mouse` each click or wheel notch (resolved against the frame it
    /// landed on), `stopSignal` SIGTERM/SIGHUP/SIGINT or a vanished terminal (the caller should
    /// quit, then `stop()`).
    public func run(key: @escaping @Sendable (KeyPress) -> Void,
                    viewport: @escaping @Sendable (Int) -> Void,
                    helpViewport: @escaping @Sendable (HelpViewport) -> Void = { _ in },
                    mouse: @escaping @Sendable (MouseAction) -> Void = { _ in },
                    stopSignal: @escaping @Sendable () -> Void) async throws(TerminalError) {
        try Self.checkTerminal()
        let callbacks = NcursesScreen.Callbacks(key: key, viewport: viewport, helpViewport: helpViewport, mouse: mouse,
                                                stopSignal: stopSignal)
        let configuration = configuration
        let mailbox = mailbox
        let wakeRead = wakeRead
        let wakeWrite = wakeWrite
        let result: Result<Void, TerminalError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                let screen = NcursesScreen(configuration: configuration, mailbox: mailbox, wakeRead: wakeRead, callbacks: callbacks)
                do throws(TerminalError) {
                    try screen.run(wakeWrite: wakeWrite)
                    continuation.resume(returning: .success(()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.name = "synq-terminal"
            thread.start()
        }
        try result.get()
    }

    private func wake() {
        var byte: UInt8 = 0x77
        _ = write(wakeWrite, &byte, 1)
    }
}
