#include "CNcurses.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

attr_t cncurses_attr_bold(void) { return A_BOLD; }
attr_t cncurses_attr_dim(void) { return A_DIM; }
attr_t cncurses_attr_reverse(void) { return A_REVERSE; }
attr_t cncurses_attr_underline(void) { return A_UNDERLINE; }

WINDOW *cncurses_stdscr(void) { return stdscr; }

mmask_t cncurses_click_events(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
mmask_t cncurses_button1_pressed_or_clicked(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
mmask_t cncurses_scroll_up(void) { return BUTTON4_PRESSED; }
mmask_t cncurses_scroll_down(void) { return BUTTON5_PRESSED; }

void cncurses_put_cell(WINDOW *window, int row, int column, const char *utf8, attr_t attributes, short pair) {
    wchar_t wide[8];
    mbstate_t state;
    memset(&state, 0, sizeof state);
    size_t count = mbsrtowcs(wide, &utf8, 7, &state);
    if (count == (size_t)-1 || count == 0) {
        wide[0] = L'?';
        count = 1;
    }
    wide[count] = L'\0';
    cchar_t cell;
    setcchar(&cell, wide, attributes, pair, NULL);
    mvwadd_wch(window, row, column, &cell);
}

static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t curses_active = 0;
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
enum { fatal_count = sizeof fatal_signals / sizeof fatal_signals[0] };
static struct sigaction previous[fatal_count];

/* A pipe the termination handler writes to, so a wait on standard input wakes up (the self-pipe trick). */
static int wake_pipe[2] = {-1, -1};

static void on_termination(int sig) {
    pending_signal = sig;
    if (wake_pipe[1] >= 0) {
        int saved = errno;
        ssize_t ignored = write(wake_pipe[1], "", 1);
        (void)ignored;
        errno = saved;
    }
}

static void on_fatal(int sig) {
    /* endwin() is not async-signal-safe, but the process is dying and a wedged terminal is worse. */
    if (curses_active) {
        endwin();
        curses_active = 0;
    }
    for (int i = 0; i < fatal_count; i++) {
        if (fatal_signals[i] == sig) {
            sigaction(sig, &previous[i], NULL);
        }
    }
    raise(sig);
}

void cncurses_install_signal_handlers(void) {
    if (wake_pipe[0] < 0 && pipe(wake_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_termination;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    /* Ctrl-\ in cbreak mode: without a handler of ours the Swift runtime prints a crash report over the screen
       and the terminal stays in cbreak mode. It ends the session like SIGTERM (restore, then die of it). */
    sigaction(SIGQUIT, &action, NULL);
    action.sa_handler = on_fatal;
    for (int i = 0; i < fatal_count; i++) {
        sigaction(fatal_signals[i], &action, &previous[i]);
    }
}

int cncurses_wait_for_input(int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = STDIN_FILENO;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    fds[1].fd = wake_pipe[0];
    fds[1].events = POLLIN;
    fds[1].revents = 0;
    int count = poll(fds, wake_pipe[0] >= 0 ? 2 : 1, timeout_ms);
    if (count > 0 && (fds[1].revents & POLLIN)) {
        char buffer[16];
        while (read(wake_pipe[0], buffer, sizeof buffer) > 0) {
        }
    }
    if (count <= 0) {
        return 0;
    }
    /* A hang-up comes with POLLIN too (reads then fail), so test it first. */
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
        return -1;
    }
    return (fds[0].revents & POLLIN) ? 1 : 0;
}

int cncurses_pending_termination_signal(void) { return pending_signal; }

void cncurses_set_active(int active) { curses_active = active; }
