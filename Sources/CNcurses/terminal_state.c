/*
 * The one copy of everything a signal handler touches. Handlers run on any thread and use
 * only async-signal-safe calls (write, tcsetattr, sigaction, raise); the rest of the
 * program reads the flags through the functions declared in CNcurses.h, so every Swift
 * file (and the release build's inlining) sees the same state.
 */
#include "CNcurses.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum synq_mode { SYNQ_MODE_NONE = 0, SYNQ_MODE_PROMPT = 1, SYNQ_MODE_SCREEN = 2 };

static struct {
    volatile sig_atomic_t mode;
    volatile sig_atomic_t stop_signal;
    volatile sig_atomic_t resize_flag;
    volatile sig_atomic_t suspend_flag;
    volatile sig_atomic_t continued_flag;
    /* 1 while the terminal is in our mode and the restore below would be needed. */
    volatile sig_atomic_t needs_restore;
    int wake_fd;
    int tty_fd;
    struct termios saved_termios;
    int have_termios;
    char restore_seq[512];
    size_t restore_len;
    int atexit_done;
} state = { SYNQ_MODE_NONE, 0, 0, 0, 0, 0, -1, -1 };

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ };
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static void append_restore(const char *seq) {
    if (seq == NULL || seq == (char *)-1) return;
    size_t n = strlen(seq);
    if (state.restore_len + n >= sizeof(state.restore_seq)) return;
    memcpy(state.restore_seq + state.restore_len, seq, n);
    state.restore_len += n;
}

static void poke(char byte) {
    if (state.wake_fd < 0) return;
    int saved = errno;
    ssize_t ignored = write(state.wake_fd, &byte, 1);
    (void)ignored;
    errno = saved;
}

void synq_emergency_restore(void) {
    if (!state.needs_restore) return;
    state.needs_restore = 0;
    if (state.tty_fd >= 0 && state.restore_len > 0) {
        ssize_t ignored = write(state.tty_fd, state.restore_seq, state.restore_len);
        (void)ignored;
    }
    if (state.have_termios && state.tty_fd >= 0) {
        tcsetattr(state.tty_fd, TCSAFLUSH, &state.saved_termios);
    }
}

static void install(int sig, void (*handler)(int), int flags) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    sigemptyset(&action.sa_mask);
    action.sa_handler = handler;
    action.sa_flags = flags;
    sigaction(sig, &action, NULL);
}

/* Give the terminal back, then die of the signal as if we had never handled it. */
static void die_of(int sig) {
    synq_emergency_restore();
    install(sig, SIG_DFL, 0);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
}

static void on_crash(int sig) { die_of(sig); }

static void on_stop(int sig) {
    /* A prompt blocks in read(2) and never looks at a flag; a second signal while the
       screen is shutting down means "now". Either way: restore and die. */
    if (state.mode != SYNQ_MODE_SCREEN || state.stop_signal != 0) {
        die_of(sig);
        return;
    }
    state.stop_signal = sig;
    poke('s');
}

static void on_winch(int sig) {
    (void)sig;
    state.resize_flag = 1;
    poke('r');
}

static void on_tstp(int sig) {
    (void)sig;
    state.suspend_flag = 1;
    poke('z');
}

static void on_cont(int sig) {
    (void)sig;
    state.continued_flag = 1;
    poke('c');
}

static void atexit_restore(void) { synq_emergency_restore(); }

static void install_common(int tty_fd) {
    state.tty_fd = tty_fd;
    state.stop_signal = 0;
    for (size_t i = 0; i < COUNT(stop_signals); i++) install(stop_signals[i], on_stop, SA_RESTART);
    for (size_t i = 0; i < COUNT(crash_signals); i++) install(crash_signals[i], on_crash, SA_RESETHAND);
    /* A parent may have started us with these blocked (a blocked SIGHUP means no cleanup). */
    sigset_t handled;
    sigemptyset(&handled);
    for (size_t i = 0; i < COUNT(stop_signals); i++) sigaddset(&handled, stop_signals[i]);
    for (size_t i = 0; i < COUNT(crash_signals); i++) sigaddset(&handled, crash_signals[i]);
    sigaddset(&handled, SIGWINCH);
    sigaddset(&handled, SIGTSTP);
    sigaddset(&handled, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &handled, NULL);
    if (!state.atexit_done) {
        atexit(atexit_restore);
        state.atexit_done = 1;
    }
}

static void reset_handlers(void) {
    for (size_t i = 0; i < COUNT(stop_signals); i++) install(stop_signals[i], SIG_DFL, 0);
    for (size_t i = 0; i < COUNT(crash_signals); i++) install(crash_signals[i], SIG_DFL, 0);
    install(SIGWINCH, SIG_DFL, 0);
    install(SIGTSTP, SIG_DFL, 0);
    install(SIGCONT, SIG_DFL, 0);
}

void synq_screen_begin(int tty_fd, int wake_fd) {
    state.mode = SYNQ_MODE_NONE;
    state.have_termios = (tcgetattr(tty_fd, &state.saved_termios) == 0);
    state.restore_len = 0;
    state.needs_restore = 0;
    state.wake_fd = wake_fd;
    state.resize_flag = 0;
    state.suspend_flag = 0;
    state.continued_flag = 0;
    install_common(tty_fd);
    install(SIGWINCH, on_winch, SA_RESTART);
    install(SIGTSTP, on_tstp, SA_RESTART);
    install(SIGCONT, on_cont, SA_RESTART);
    /* Writing to a dropped SSH session must not kill us before we clean up. */
    signal(SIGPIPE, SIG_IGN);
    state.mode = SYNQ_MODE_SCREEN;
}

void synq_screen_prepared(int bracketed_paste, int mouse) {
    state.needs_restore = 0;
    state.restore_len = 0;
    if (bracketed_paste) append_restore("\033[?2004l");
    if (mouse) append_restore("\033[?1006l\033[?1000l");
    append_restore(tigetstr("sgr0"));
    append_restore(tigetstr("cnorm"));
    append_restore(tigetstr("rmkx"));
    append_restore(tigetstr("rmcup"));
    state.needs_restore = 1;
}

void synq_screen_end(void) {
    state.needs_restore = 0;
    state.mode = SYNQ_MODE_NONE;
    reset_handlers();
    state.wake_fd = -1;
}

void synq_prompt_begin(int tty_fd, const struct termios *original) {
    state.mode = SYNQ_MODE_NONE;
    state.saved_termios = *original;
    state.have_termios = 1;
    state.restore_len = 0;
    /* The prompt's line is left unfinished; the shell's next prompt starts on its own line. */
    append_restore("\n");
    state.wake_fd = -1;
    install_common(tty_fd);
    state.mode = SYNQ_MODE_PROMPT;
    state.needs_restore = 1;
}

void synq_prompt_end(void) {
    state.needs_restore = 0;
    state.mode = SYNQ_MODE_NONE;
    reset_handlers();
}

int synq_stop_signal(void) { return state.stop_signal; }

/* Reads and clears a flag a handler sets. */
static int take(volatile sig_atomic_t *flag) {
    int was = *flag;
    *flag = 0;
    return was;
}

int synq_take_resize(void) { return take(&state.resize_flag); }
int synq_take_suspend(void) { return take(&state.suspend_flag); }
int synq_take_continued(void) { return take(&state.continued_flag); }

void synq_suspend_self(void) {
    int restore = state.needs_restore;
    state.needs_restore = 0;
    install(SIGTSTP, SIG_DFL, 0);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    /* The whole process group, as vim and less do: a shell waits on the job's leader (a
       subshell, a pipeline), which must stop too for the shell to say "Stopped" and `fg`
       it. Every thread of ours stops here; this returns after SIGCONT. */
    state.continued_flag = 0;
    kill(0, SIGTSTP);
    /* kill() can return before our own stop: the SIGTSTP stays pending until some thread
       takes it. Putting on_tstp back then would hand that stop to the handler, and after
       `fg` we would suspend a second time. So wait for the SIGCONT of `fg` (on_cont sets
       the flag, on whichever thread); the loop does not run while we are stopped. If the
       signal was taken and no stop followed (an orphaned process group discards it), stop
       waiting 50 ms later. */
    const struct timespec tick = {0, 2 * 1000 * 1000};
    for (int idle = 0; !state.continued_flag;) {
        sigset_t pending;
        sigpending(&pending);
        if (!sigismember(&pending, SIGTSTP) && ++idle > 25) break;
        nanosleep(&tick, NULL);
    }
    install(SIGTSTP, on_tstp, SA_RESTART);
    state.suspend_flag = 0;
    state.continued_flag = 0;
    state.needs_restore = restore;
}
