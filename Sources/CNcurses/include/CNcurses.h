#ifndef SYNQ_CNCURSES_H
#define SYNQ_CNCURSES_H

/* SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here
   (before any system header, for both the C files and Swift's importer). */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <stddef.h>
#include <unistd.h>
#include <termios.h>
#include <poll.h>
#include <fcntl.h>
#include <errno.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/*
 * The only C between synq and the terminal. State that signal handlers touch lives in
 * exactly one place, terminal_state.c; this header only declares it. What stays inline
 * here is what Swift cannot import by itself: function-like macros and C globals
 * (stdscr, COLORS, COLOR_PAIRS, A_*, KEY_F), which carry no state of their own.
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
static inline int synq_key_code_yes(void) { return KEY_CODE_YES; }
static inline int synq_key_f(int n) { return KEY_F(n); }

/* ---- ncurses calls (curses_calls.c) ---- */

/* newterm rather than initscr: initscr exits the process when the terminal is unusable. */
SCREEN *synq_newterm(void);
/* The locale's character encoding after setlocale(LC_ALL, ""), e.g. "UTF-8". */
const char *synq_codeset(void);
/* Looks TERM up before ncurses starts: 1 usable, 0 known but unable to address the cursor
   (TERM=dumb, a printing terminal: a full-screen program cannot draw on it), -1 unknown. */
int synq_probe_terminal(int fd);
/* 1 when the terminfo entry declares bracketed paste (the BE/PS/PE extended capabilities)
   or is one of the xterm-compatible families known to support it. */
int synq_terminal_declares_bracketed_paste(void);
/* 1 when the terminal type has an alternate screen (smcup), which keeps the shell's text
 * and hides ours after we end. */
int synq_has_alternate_screen(void);
/* Writes bytes straight to the terminal (OSC 52, paste and mouse modes), bypassing ncurses. */
int synq_write_raw(const char *bytes, size_t length);
/* Puts one grapheme (up to 5 wide chars incl. combining marks) at y,x. */
int synq_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair);
int synq_get_wch(unsigned int *out);
int synq_init_pair(int pair, int fg, int bg);
/* Mouse: clicks and wheel, reported as KEY_MOUSE. Returns 1 when the terminal has mouse support. */
int synq_enable_mouse(int on);
/* The pending mouse event: 0 with *y, *x and *kind set (1 click, 2 wheel up, 3 wheel down), -1 none. */
int synq_get_mouse(int *y, int *x, int *kind);
int synq_key_mouse(void);
int synq_tty_size(int fd, int *rows, int *cols);
/* Sleeps until input_fd or wake_read_fd is readable, or timeout_ms passes (-1 forever).
   Returns a bit set: 1 input ready (or hung up), 2 wake pipe, 0 timeout or interrupted. */
int synq_wait(int input_fd, int wake_read_fd, int timeout_ms);
void synq_drain_fd(int fd);

/* ---- the one signal and restore state (terminal_state.c) ---- */

/* Full screen: records the sane mode of tty_fd, then installs the handlers (stop signals
   set a flag and poke wake_fd; crash signals restore and die; SIGTSTP/SIGCONT suspend and
   resume; SIGWINCH resize). Call before newterm so ncurses leaves these signals to us. */
void synq_screen_begin(int tty_fd, int wake_fd);
/* Once ncurses has loaded the terminfo entry: the strings that undo our modes. */
void synq_screen_prepared(int bracketed_paste, int mouse);
/* The screen was given back normally; handlers back to their defaults. */
void synq_screen_end(void);

/* A prompt on tty_fd is about to change its mode (echo off): a stop signal while it is
   changed restores `original` and ends the process with that signal. */
void synq_prompt_begin(int tty_fd, const struct termios *original);
void synq_prompt_end(void);

/* The first stop signal caught (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2,
   SIGALRM) or 0. Process-wide: readable from any thread and any Swift file. */
int synq_stop_signal(void);
/* 1 once, after a SIGWINCH. */
int synq_take_resize(void);
/* 1 once, after a SIGTSTP asked us to suspend. */
int synq_take_suspend(void);
/* 1 once, after a SIGCONT (we were stopped, perhaps by SIGSTOP, and continued). */
int synq_take_continued(void);
/* Stops the process group the way SIGTSTP would (the caller has given the terminal back first);
   returns once the process is continued (`fg`). */
void synq_suspend_self(void);
/* The stop handlers' restore, for code that must give the terminal back at once. */
void synq_emergency_restore(void);

#endif
