/* Thin wrappers over ncurses and POSIX calls the Swift side cannot make directly (macros,
   globals, varargs) or should not repeat. No state lives here: see terminal_state.c. */
#include "CNcurses.h"

#include <string.h>
#include <stdlib.h>
#include <langinfo.h>
#include <sys/ioctl.h>

SCREEN *synq_newterm(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen != NULL) set_term(screen);
    return screen;
}

const char *synq_codeset(void) {
    setlocale(LC_ALL, "");
    return nl_langinfo(CODESET);
}

static int has_string(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1 && value[0] != '\0';
}

int synq_probe_terminal(int fd) {
    int error = 0;
    if (setupterm(NULL, fd, &error) != OK) return -1;
    int usable = has_string("cup") && has_string("clear") && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
    del_curterm(cur_term);
    return usable ? 1 : 0;
}

int synq_has_alternate_screen(void) {
    return has_string("smcup");
}

int synq_terminal_declares_bracketed_paste(void) {
    if (has_string("BE")) return 1;
    /* Entries older than the BE capability, for terminals that have long supported it. */
    const char *term = getenv("TERM");
    if (term == NULL) return 0;
    static const char *const families[] = {
        "xterm", "screen", "tmux", "rxvt", "st", "alacritty", "kitty", "foot", "wezterm",
        "vte", "gnome", "konsole", "iterm", "contour", "ghostty",
    };
    for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
        size_t n = strlen(families[i]);
        if (strncmp(term, families[i], n) == 0 && (term[n] == '\0' || term[n] == '-' || term[n] == '.')) return 1;
    }
    return 0;
}

int synq_write_raw(const char *bytes, size_t length) {
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

int synq_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, (short)0, &pair) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

int synq_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int rc = wget_wch(stdscr, &ch);
    *out = (unsigned int)ch;
    return rc;
}

int synq_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    return init_pair((short)pair, (short)fg, (short)bg);
#endif
}

int synq_enable_mouse(int on) {
    if (!on) {
        mousemask(0, NULL);
        return 0;
    }
    if (!has_string("kmous")) return 0;
    /* Presses, not clicks: ncurses would otherwise hold a press back to see whether a
       release follows within mouseinterval. */
    mmask_t wanted = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    mouseinterval(0);
    return mousemask(wanted, NULL) != 0;
}

int synq_get_mouse(int *y, int *x, int *kind) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *y = event.y;
    *x = event.x;
    *kind = 0;
    if (event.bstate & BUTTON1_PRESSED) *kind = 1;
    else if (event.bstate & BUTTON4_PRESSED) *kind = 2;
#ifdef BUTTON5_PRESSED
    else if (event.bstate & BUTTON5_PRESSED) *kind = 3;
#endif
    return 0;
}

int synq_key_mouse(void) { return KEY_MOUSE; }

int synq_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

int synq_wait(int input_fd, int wake_read_fd, int timeout_ms) {
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

void synq_drain_fd(int fd) {
    char buffer[64];
    while (read(fd, buffer, sizeof(buffer)) > 0) {
    }
}
