#ifndef CNCURSES_H
#define CNCURSES_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which is what normally turns on the wide-character API
   (get_wch, cchar_t, mvwaddwstr). Ask for it here, in the header, so the Swift importer sees it too. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

/* Attribute constants are macros built with casts; Swift cannot import them. */
attr_t cncurses_attr_bold(void);
attr_t cncurses_attr_dim(void);
attr_t cncurses_attr_reverse(void);
attr_t cncurses_attr_underline(void);

/* stdscr is a mutable C global, which Swift 6 refuses to read. */
WINDOW *cncurses_stdscr(void);

/* Mouse masks are macro expressions. */
mmask_t cncurses_click_events(void);
mmask_t cncurses_button1_pressed_or_clicked(void);
mmask_t cncurses_scroll_up(void);
mmask_t cncurses_scroll_down(void);

/* Writes one cell: a UTF-8 grapheme (NUL-terminated) with attributes and a colour pair. */
void cncurses_put_cell(WINDOW *window, int row, int column, const char *utf8, attr_t attributes, short pair);

/* Unblocks the signals the explorer needs (a launcher may hand over a blocked mask), records SIGINT, SIGTERM,
   SIGHUP and SIGQUIT (Ctrl-\ ) in a flag the event loop reads, and restores the terminal before a crash report
   (fatal signals are passed on to the previous handler, so the exit status and backtrace stay truthful). */
void cncurses_install_signal_handlers(void);

/* Waits until standard input has bytes, a termination signal or SIGWINCH arrives, or timeout_ms passes
   (-1: no limit). ncurses itself retries reads interrupted by signals, so the explorer waits here instead and
   only then asks ncurses for the key. Returns 1 when standard input is readable, -1 when it is closed (the
   terminal went away), else 0. */
int cncurses_wait_for_input(int timeout_ms);

/* The last termination signal received, or 0. */
int cncurses_pending_termination_signal(void);

/* Marks curses as active or not, so the crash handler calls endwin() only when it has something to restore. */
void cncurses_set_active(int active);

#endif
