#ifndef SYNQ_CNCURSES_SHIM_H
#define SYNQ_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <pthread.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <termios.h>
#include <poll.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/*
 * Swift cannot import function-like macros and trips strict concurrency on C globals
 * (stdscr, COLORS, COLOR_PAIRS), so everything the backend needs is a small function here.
 * The signal state below is process-wide on purpose: handlers may run on any thread and
 * may only use async-signal-safe calls (write, tcsetattr, raise).
 */

static inline WINDOW *synq_stdscr(void) { return stdscr; }
static inline int synq_colors(void) { return COLORS; }
static inline int synq_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t synq_attr_normal(void) { return A_NORMAL; }
static inline attr_t synq_attr_bold(void) { return A_BOLD; }
static inline attr_t synq_attr_dim(void) { return A_DIM; }
static inline attr_t synq_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t synq_attr_reverse(void) { return A_REVERSE; }
static inline attr_t synq_attr_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}

/* newterm rather than initscr: initscr exits the process when the terminal is unusable. */
static inline SCREEN *synq_newterm(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen != NULL) set_term(screen);
    return screen;
}

/* The locale's character encoding after setlocale(LC_ALL, ""), e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *synq_codeset(void) {
    setlocale(LC_ALL, "");
    return nl_langinfo(CODESET);
}

/* Writes bytes straight to the terminal (OSC 52, bracketed paste modes), bypassing ncurses. */
static inline int synq_write_raw(const char *bytes, size_t length) {
    fflush(stdout);
    size_t done = 0;
    while (done < length) {
        ssize_t n = write(STDOUT_FILENO, bytes + done, length - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}

static inline int synq_key_code_yes(void) { return KEY_CODE_YES; }
static inline int synq_key_f(int n) { return KEY_F(n); }

/* Puts one grapheme (up to 5 wide chars incl. combining marks) at y,x with attributes and pair. */
static inline int synq_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, (short)0, &pair) != OK) {
        return ERR;
    }
    return mvwadd_wch(stdscr, y, x, &cell);
}

static inline int synq_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int rc = wget_wch(stdscr, &ch);
    *out = (unsigned int)ch;
    return rc;
}

static inline int synq_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    return init_pair((short)pair, (short)fg, (short)bg);
#endif
}

/* ---- terminal size ---- */

static inline int synq_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) {
        return -1;
    }
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* ---- signals and restore ---- */

/* All signal-time state lives in one struct behind an accessor: Swift does not emit
   definitions for static variables declared in an imported header. */
struct synq_signal_state {
    int wake_fd;
    int tty_fd;
    volatile sig_atomic_t resize_flag;
    volatile sig_atomic_t stop_signal;
    volatile sig_atomic_t screen_active;
    struct termios saved_termios;
    int have_termios;
    char restore_seq[256];
    size_t restore_len;
    int atexit_done;
};

static inline struct synq_signal_state *synq_state(void) {
    static struct synq_signal_state state = { -1, -1, 0, 0, 0 };
    return &state;
}

static inline void synq_append_restore(const char *seq) {
    if (seq == NULL || seq == (char *)-1) return;
    size_t n = strlen(seq);
    if (synq_state()->restore_len + n >= sizeof(synq_state()->restore_seq)) return;
    memcpy(synq_state()->restore_seq + synq_state()->restore_len, seq, n);
    synq_state()->restore_len += n;
}

/* Captures the sane terminal mode and the strings that undo ours, before ncurses starts. */
static inline void synq_capture_terminal(int tty_fd) {
    synq_state()->tty_fd = tty_fd;
    synq_state()->have_termios = (tcgetattr(tty_fd, &synq_state()->saved_termios) == 0);
}

/* Called once ncurses has loaded the terminfo entry. */
static inline void synq_prepare_restore(int bracketed_paste) {
    synq_state()->restore_len = 0;
    if (bracketed_paste) synq_append_restore("\033[?2004l");
    synq_append_restore(tigetstr("sgr0"));
    synq_append_restore(tigetstr("cnorm"));
    synq_append_restore(tigetstr("rmkx"));
    synq_append_restore(tigetstr("rmcup"));
    synq_state()->screen_active = 1;
}

static inline void synq_emergency_restore(void) {
    if (!synq_state()->screen_active) return;
    synq_state()->screen_active = 0;
    if (synq_state()->tty_fd >= 0 && synq_state()->restore_len > 0) {
        ssize_t ignored = write(synq_state()->tty_fd, synq_state()->restore_seq, synq_state()->restore_len);
        (void)ignored;
    }
    if (synq_state()->have_termios && synq_state()->tty_fd >= 0) {
        tcsetattr(synq_state()->tty_fd, TCSAFLUSH, &synq_state()->saved_termios);
    }
}

static inline void synq_mark_restored(void) { synq_state()->screen_active = 0; }

static void synq_on_crash(int sig) {
    synq_emergency_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void synq_on_winch(int sig) {
    (void)sig;
    synq_state()->resize_flag = 1;
    if (synq_state()->wake_fd >= 0) {
        int saved = errno;
        ssize_t ignored = write(synq_state()->wake_fd, "r", 1);
        (void)ignored;
        errno = saved;
    }
}

static void synq_on_stop(int sig) {
    if (synq_state()->stop_signal != 0) {
        /* A second signal while shutting down: restore and die now. */
        synq_on_crash(sig);
        return;
    }
    synq_state()->stop_signal = sig;
    if (synq_state()->wake_fd >= 0) {
        int saved = errno;
        ssize_t ignored = write(synq_state()->wake_fd, "s", 1);
        (void)ignored;
        errno = saved;
    }
}

static void synq_atexit_restore(void) { synq_emergency_restore(); }

static inline void synq_install_handler(int sig, void (*handler)(int), int restart) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    sigemptyset(&action.sa_mask);
    action.sa_handler = handler;
    action.sa_flags = restart ? SA_RESTART : 0;
    sigaction(sig, &action, NULL);
}

/* Installed before initscr so ncurses leaves SIGWINCH/SIGINT/SIGTERM to us. The signals
   are also unblocked on the calling (terminal) thread: a parent may have started us with
   them blocked, and a blocked SIGWINCH would mean no resize, a blocked SIGHUP no cleanup. */
static inline void synq_install_signal_handlers(int wake_fd) {
    sigset_t handled;
    sigemptyset(&handled);
    int handled_signals[] = { SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (size_t i = 0; i < sizeof(handled_signals) / sizeof(handled_signals[0]); i++) sigaddset(&handled, handled_signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &handled, NULL);
    synq_state()->wake_fd = wake_fd;
    synq_state()->resize_flag = 0;
    synq_state()->stop_signal = 0;
    synq_install_handler(SIGWINCH, synq_on_winch, 1);
    synq_install_handler(SIGTERM, synq_on_stop, 1);
    synq_install_handler(SIGHUP, synq_on_stop, 1);
    synq_install_handler(SIGINT, synq_on_stop, 1);
    synq_install_handler(SIGQUIT, synq_on_stop, 1);
    synq_install_handler(SIGSEGV, synq_on_crash, 0);
    synq_install_handler(SIGBUS, synq_on_crash, 0);
    synq_install_handler(SIGILL, synq_on_crash, 0);
    synq_install_handler(SIGFPE, synq_on_crash, 0);
    synq_install_handler(SIGABRT, synq_on_crash, 0);
    synq_install_handler(SIGTRAP, synq_on_crash, 0);
    /* Writing to a dropped SSH session must not kill us before we clean up. */
    signal(SIGPIPE, SIG_IGN);
    if (!synq_state()->atexit_done) {
        atexit(synq_atexit_restore);
        synq_state()->atexit_done = 1;
    }
}

static inline void synq_reset_signal_handlers(void) {
    int sigs[] = { SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) signal(sigs[i], SIG_DFL);
    synq_state()->wake_fd = -1;
}

static inline int synq_take_resize(void) {
    int was = synq_state()->resize_flag;
    synq_state()->resize_flag = 0;
    return was;
}

static inline int synq_stop_requested(void) { return synq_state()->stop_signal; }

/* Sleeps until stdin or the wake pipe is readable, or timeout_ms passes (-1: forever).
   Returns a bit set: 1 input ready, 2 wake pipe, 0 timeout or interrupted. */
static inline int synq_wait(int input_fd, int wake_read_fd, int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = input_fd;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    fds[1].fd = wake_read_fd;
    fds[1].events = POLLIN;
    fds[1].revents = 0;
    int rc = poll(fds, 2, timeout_ms);
    if (rc <= 0) return 0;
    int result = 0;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) result |= 1;
    if (fds[1].revents & POLLIN) result |= 2;
    return result;
}

/* Pending byte on the input fd that ncurses has not consumed (poll cannot see its buffer). */
static inline void synq_drain_fd(int fd) {
    char buffer[64];
    while (read(fd, buffer, sizeof(buffer)) > 0) {
    }
}

static inline int synq_make_pipe(int fds[2]) {
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

#endif
