import CNcurses
import Foundation
import SynqViewModel
import SynqText

/// The terminal thread's side of the session: owns ncurses from `initscr` to `endwin`,
/// and is only ever touched by that one thread. It sleeps in poll(2) on standard input
/// and the wake pipe, so with no key, no resize and no new state it costs nothing.
final class NcursesScreen {
    struct Callbacks: Sendable {
        var key: @Sendable (KeyPress) -> Void
        var viewport: @Sendable (Int) -> Void
        var helpViewport: @Sendable (HelpViewport) -> Void
        var mouse: @Sendable (MouseAction) -> Void
        var stopSignal: @Sendable () -> Void
    }

    private let configuration: TerminalConfiguration
    private let mailbox: TerminalMailbox
    private let wakeRead: Int32
    private let callbacks: Callbacks
    private var renderer = ScreenRenderer()
    private var palette: StylePalette?
    private var scroll = ScrollMemory()
    private var state: AppState?
    private var stateVersion = -1
    private var shown: Grid?
    private var shownCursor: Frame.Cursor?
    private var reportedRows = -1
    /// Alerts the bell has rung for.
    private var rungBells = 0
    private var reportedHelp: HelpViewport?
    private var paste: String?
    /// Enabled only when asked for and the terminal declares it (a dumb or unknown one would
    /// print the mode switch as text).
    private var bracketedPaste = false
    /// Enabled only when asked for (not `--no-mouse`) and the terminal declares `kmous`.
    private var mouse = false
    /// Where the last frame drew its tabs and rows: a click means what was shown there.
    private var hits = HitMap()
    private var stopSignalReported = false
    /// Ctrl-Z arrived as a key (raw mode turns off the terminal's own signal keys).
    private var suspendRequested = false
    /// Cleared when standard input hangs up or hits end of file, so poll stops reporting it.
    private var inputOpen = true

    init(configuration: TerminalConfiguration, mailbox: TerminalMailbox, wakeRead: Int32, callbacks: Callbacks) {
        self.configuration = configuration
        self.mailbox = mailbox
        self.wakeRead = wakeRead
        self.callbacks = callbacks
    }

    /// Runs until a stop request. Throws only if the terminal cannot be set up.
    func run(wakeWrite: Int32) throws(TerminalError) {
        let codeset = String(cString: synq_codeset())
        renderer = ScreenRenderer(glyphs: configuration.forceASCII ? .ascii : Glyphs.forCodeset(codeset), keyMap: configuration.keyMap)
        synq_screen_begin(STDOUT_FILENO, wakeWrite)
        guard synq_newterm() != nil else {
            synq_screen_end()
            throw .cannotInitialize(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        setUp()
        defer { tearDown() }
        loop()
    }

    private func setUp() {
        set_escdelay(25)
        raw()
        noecho()
        nonl()
        let window = synq_stdscr()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        meta(window, true)
        var colors = 0
        var defaultColors = false
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() != ERR
            colors = Int(synq_colors())
        }
        palette = StylePalette(theme: configuration.theme, monochrome: configuration.monochrome, colors: colors,
                               pairs: Int(synq_color_pairs()), defaultColors: defaultColors)
        _ = define_key("\u{1b}[200~", NcursesKeys.pasteBegin)
        _ = define_key("\u{1b}[201~", NcursesKeys.pasteEnd)
        for key in NcursesKeys.xtermSequences where key_defined(key.sequence) == 0 {
            _ = define_key(key.sequence, key.code)
        }
        curs_set(0)
        bracketedPaste = configuration.bracketedPaste && synq_terminal_declares_bracketed_paste() != 0
        mouse = configuration.mouse && synq_enable_mouse(1) != 0
        synq_screen_prepared(bracketedPaste ? 1 : 0, mouse ? 1 : 0)
        if bracketedPaste { writeRaw("\u{1b}[?2004h") }
    }

    private func tearDown() {
        if bracketedPaste { writeRaw("\u{1b}[?2004l") }
        if mouse { synq_enable_mouse(0) }
        // Without an alternate screen (TERM=linux, vt100) our last frame would stay under the
        // shell's prompt, with whatever the rows held (names, keys): clear it.
        if synq_has_alternate_screen() == 0 {
            erase()
            refresh()
        }
        curs_set(1)
        endwin()
        synq_screen_end()
    }

    private func loop() {
        var needsFrame = true
        while true {
            let mail = mailbox.take()
            for write in mail.rawWrites {
                let ok = writeRaw(write.text)
                write.done?.resume(returning: ok ? .sent : .unavailable("could not write to the terminal"))
            }
            if mail.stopRequested { return }
            if mail.stateVersion != stateVersion, let next = mail.state {
                stateVersion = mail.stateVersion
                if next != state {
                    state = next
                    needsFrame = true
                }
            }
            if synq_take_suspend() != 0 || suspendRequested {
                suspendRequested = false
                suspend()
                needsFrame = true
            }
            if synq_take_continued() != 0 {
                // Stopped by someone else (SIGSTOP) and continued: the shell may have used the
                // terminal meanwhile, so set our modes up again and repaint everything.
                endwin()
                reenter()
                needsFrame = true
            }
            if synq_take_resize() != 0 {
                var rows: Int32 = 0
                var cols: Int32 = 0
                if synq_tty_size(STDOUT_FILENO, &rows, &cols) == 0 { resizeterm(rows, cols) }
                shown = nil
                needsFrame = true
            }
            let signal = synq_stop_signal()
            if signal != 0, !stopSignalReported {
                stopSignalReported = true
                callbacks.stopSignal()
            }
            if inputOpen { readKeys() }
            if needsFrame {
                drawFrame()
                needsFrame = false
            }
            let ready = synq_wait(inputOpen ? STDIN_FILENO : -1, wakeRead, -1)
            if ready & 2 != 0 { synq_drain_fd(wakeRead) }
            // Read what woke us before asking whether the terminal closed: the end-of-file
            // probe consumes a byte, which would otherwise be the key that just arrived.
            if ready & 1 != 0, inputOpen, readKeys() == 0, isInputClosed() {
                // The terminal went away (SSH dropped without SIGHUP): stop listening and quit.
                inputOpen = false
                if !stopSignalReported {
                    stopSignalReported = true
                    callbacks.stopSignal()
                }
            }
        }
    }

    /// True when stdin hung up, or is readable yet yields nothing (end of file): either
    /// way no key will ever come, and polling it again would spin.
    private func isInputClosed() -> Bool {
        var pfd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, 0) > 0 else { return false }
        if pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        return isAtEndOfFile()
    }

    /// Readable, yet ncurses found no key: a non-blocking 1-byte read tells end of file (0)
    /// from a key that arrived just now (the byte is then lost, which is harmless).
    private func isAtEndOfFile() -> Bool {
        let flags = fcntl(STDIN_FILENO, F_GETFL)
        _ = fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(STDIN_FILENO, F_SETFL, flags) }
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 0
    }

    /// Reads every pending key; returns how many.
    @discardableResult
    private func readKeys() -> Int {
        var count = 0
        while true {
            var value: UInt32 = 0
            let rc = synq_get_wch(&value)
            if rc == ERR { return count }
            count += 1
            if rc == synq_key_code_yes() {
                let code = Int32(bitPattern: value)
                if code == NcursesKeys.pasteBegin { paste = ""; continue }
                if code == NcursesKeys.pasteEnd {
                    if let text = paste, !text.isEmpty { callbacks.key(.paste(text)) }
                    paste = nil
                    continue
                }
                if code == Int32(KEY_RESIZE) { continue }
                if code == synq_key_mouse() {
                    if paste == nil, let action = mouseAction() { callbacks.mouse(action) }
                    continue
                }
                if let key = NcursesKeys.functionKey(code), paste == nil { callbacks.key(key) }
                continue
            }
            if value == 0x1A, paste == nil {
                suspendRequested = true
                continue
            }
            if paste != nil {
                if let scalar = Unicode.Scalar(value), (paste?.unicodeScalars.count ?? 0) < 65_536 {
                    paste?.unicodeScalars.append(scalar)
                }
                continue
            }
            if let key = NcursesKeys.character(value) { callbacks.key(key) }
        }
    }

    /// The pending mouse event, resolved against the last frame: a press of button 1 is a
    /// click on whatever was drawn there, buttons 4 and 5 are the wheel.
    private func mouseAction() -> MouseAction? {
        var y: Int32 = 0
        var x: Int32 = 0
        var kind: Int32 = 0
        guard synq_get_mouse(&y, &x, &kind) == 0 else { return nil }
        switch kind {
        case 1: return .click(hits.target(x: Int(x), y: Int(y)))
        case 2: return .wheel(.up)
        case 3: return .wheel(.down)
        default: return nil
        }
    }

    /// Ctrl-Z or SIGTSTP: give the terminal back as on quit, stop until `fg`, then take it
    /// again and repaint, as every full-screen program does.
    private func suspend() {
        if bracketedPaste { writeRaw("\u{1b}[?2004l") }
        endwin()
        synq_suspend_self()
        reenter()
    }

    /// After `endwin`: the next refresh restores our terminal modes and the alternate screen;
    /// the screen is repainted whole, at the size the window has now.
    private func reenter() {
        if bracketedPaste { writeRaw("\u{1b}[?2004h") }
        var rows: Int32 = 0
        var cols: Int32 = 0
        if synq_tty_size(STDOUT_FILENO, &rows, &cols) == 0 { resizeterm(rows, cols) }
        clearok(synq_stdscr(), true)
        shown = nil
        shownCursor = nil
    }

    private func drawFrame() {
        guard let state, let palette else { return }
        let height = Int(getmaxy(synq_stdscr()))
        let width = Int(getmaxx(synq_stdscr()))
        guard width > 0, height > 0 else { return }
        let frame = renderer.render(state, width: width, height: height, scroll: &scroll)
        if frame.tableRows != reportedRows, frame.tableRows > 0 {
            reportedRows = frame.tableRows
            callbacks.viewport(frame.tableRows)
        }
        if let help = frame.helpViewport, help != reportedHelp {
            reportedHelp = help
            callbacks.helpViewport(help)
        }
        hits = frame.hits
        if frame.bells > rungBells {
            rungBells = frame.bells
            beep()
        }
        if frame.grid == shown, frame.cursor == shownCursor { return }
        blit(frame.grid, palette: palette)
        if let cursor = frame.cursor {
            curs_set(1)
            wmove(synq_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(synq_stdscr())
        shown = frame.grid
        shownCursor = frame.cursor
    }

    /// Writes only the cells that differ from what is on screen; ncurses then sends only
    /// the bytes for those. Never clears the screen, so nothing flickers.
    private func blit(_ grid: Grid, palette: StylePalette) {
        let previous = shown.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell { continue }
                // The last cell of the screen cannot take a wide character.
                if cell.width == 2, x + 1 >= grid.width { continue }
                let entry = palette.entry(cell.role)
                var wide = Self.wideChars(cell.text)
                _ = synq_put_cell(Int32(y), Int32(x), &wide, entry.attributes, entry.pair)
            }
        }
    }

    /// A grapheme as ncurses wants it: the spacing character and up to four combining
    /// marks, zero-terminated. Longer clusters (emoji ZWJ sequences) keep their first part.
    private static func wideChars(_ text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in text.unicodeScalars {
            if result.isEmpty || CharacterWidth.of(scalar) == 0 {
                result.append(wchar_t(bitPattern: scalar.value))
            }
            if result.count == 5 { break }
        }
        if result.isEmpty { result.append(wchar_t(32)) }
        result.append(0)
        return result
    }

    @discardableResult
    private func writeRaw(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { synq_write_raw($0, buffer.count) == 0 }
        }
    }
}
