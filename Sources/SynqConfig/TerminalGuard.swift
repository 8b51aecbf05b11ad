#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back the way it was if a signal ends the process while echo is off.
///
/// Signal handlers cannot capture context, so the saved state lives in process globals;
/// they are written only while no handler is installed and read only by the handler, and
/// `tcsetattr` is async-signal-safe.
enum TerminalGuard {
    nonisolated(unsafe) private static var savedFD: Int32 = -1
    nonisolated(unsafe) private static var saved = termios()
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func install(fd: Int32, original: termios) {
        savedFD = fd
        saved = original
        for number in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = TerminalGuard.handle
            #else
            action.__sigaction_u.__sa_handler = TerminalGuard.handle
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(number, &action, nil)
        }
    }

    static func remove() {
        for number in signals { signal(number, SIG_DFL) }
        savedFD = -1
    }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        if TerminalGuard.savedFD >= 0 {
            _ = tcsetattr(TerminalGuard.savedFD, TCSANOW, &TerminalGuard.saved)
            let newline: [UInt8] = [0x0A]
            _ = newline.withUnsafeBytes { POSIX.write(TerminalGuard.savedFD, $0.baseAddress, 1) }
        }
        // SA_RESETHAND restored the default action: raising again ends the process as the
        // signal intended, with the usual exit status.
        raise(number)
    }
}
