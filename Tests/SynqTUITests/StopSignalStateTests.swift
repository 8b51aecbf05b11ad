import CNcurses
import Foundation
import Testing
@testable import SynqTUI

/// The signal state has one home (CNcurses/terminal_state.c). It used to be a `static`
/// inside a `static inline` header function: every Swift file (and, in the release build,
/// every module the accessor was inlined into) had its own copy, so the program read 0
/// where the handler had written SIGTERM and exited 0 instead of 143.
@Suite(.serialized) struct StopSignalStateTests {
    static let handled = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGWINCH, SIGTSTP, SIGCONT,
                          SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ, SIGPIPE]

    /// Runs `body` with this process's signal dispositions put back afterwards.
    static func preservingSignalActions(_ body: () throws -> Void) rethrows {
        var saved: [Int32: sigaction] = [:]
        for number in handled {
            var action = sigaction()
            sigaction(number, nil, &action)
            saved[number] = action
        }
        defer {
            for (number, action) in saved {
                var action = action
                sigaction(number, &action, nil)
            }
        }
        try body()
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGUSR1])
    func aSignalCaughtHereIsSeenByTheTerminalModule(signal: Int32) throws {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        Self.preservingSignalActions {
            // Installed from this module, as the terminal thread does from its own file…
            synq_screen_begin(-1, fds[1])
            defer { synq_screen_end() }
            #expect(TerminalSession.stopSignal == nil)
            raise(signal)
            // …and read through SynqTUI's public API, as `synq` does after the TUI returns.
            #expect(TerminalSession.stopSignal == signal)
            var byte: UInt8 = 0
            #expect(read(fds[0], &byte, 1) == 1 && byte == UInt8(ascii: "s"), "the handler woke the terminal thread")
        }
        #expect(TerminalSession.stopSignal == signal, "still known after the screen is given back, for the exit status")
    }

    @Test func windowChangesAndContinuesAreFlaggedOnce() {
        Self.preservingSignalActions {
            synq_screen_begin(-1, -1)
            defer { synq_screen_end() }
            raise(SIGWINCH)
            #expect(synq_take_resize() == 1)
            #expect(synq_take_resize() == 0)
            raise(SIGCONT)
            #expect(synq_take_continued() == 1)
            #expect(synq_take_continued() == 0)
        }
    }
}
