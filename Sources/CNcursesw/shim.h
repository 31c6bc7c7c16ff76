// The system library ncursesw (6.x) as Swift sees it, for the TownsTerminal backend only.
//
// SwiftPM drops the `-D_XOPEN_SOURCE=600` that pkg-config gives, so the wide-character API
// (cchar_t, get_wch, setcchar, ...) is switched on here before the include. The `static inline`
// wrappers below expose what Swift cannot import: macros (A_* attributes, KEY_F) and C globals
// (stdscr, curscr, stdin, stdout, COLORS, COLOR_PAIRS), which Swift 6 also rejects as not
// concurrency-safe. They keep no state of their own.
#ifndef TOWNS_CNCURSESW_SHIM_H
#define TOWNS_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// MARK: Globals

static inline WINDOW *towns_stdscr(void) { return stdscr; }
static inline WINDOW *towns_curscr(void) { return curscr; }
static inline FILE *towns_stdin(void) { return stdin; }
static inline FILE *towns_stdout(void) { return stdout; }
/// Number of colours the terminal has (valid after start_color).
static inline int towns_colors(void) { return COLORS; }
/// Number of colour pairs the terminal has (valid after start_color).
static inline int towns_color_pairs(void) { return COLOR_PAIRS; }

// MARK: Attributes (macros in curses.h)

static inline attr_t towns_a_normal(void) { return A_NORMAL; }
static inline attr_t towns_a_bold(void) { return A_BOLD; }
static inline attr_t towns_a_dim(void) { return A_DIM; }
static inline attr_t towns_a_underline(void) { return A_UNDERLINE; }
static inline attr_t towns_a_reverse(void) { return A_REVERSE; }

// MARK: Terminal

/// Whether terminfo capability `name` is a present string capability (e.g. "cup").
static inline int towns_has_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1;
}

/// Terminfo string capability `name` (e.g. "BE", bracketed paste on), or NULL if the entry
/// has none.
static inline const char *towns_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value == (char *)-1 ? NULL : value;
}

/// The window size of terminal `fd` from the kernel (TIOCGWINSZ), in rows and columns.
/// Returns 0 on success, -1 if `fd` is not a terminal or the size is unknown.
static inline int towns_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// The locale's character encoding, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *towns_codeset(void) { return nl_langinfo(CODESET); }

/* Mouse (opt-in): button-1 clicks and double-clicks, wheel up (button 4) and down (5). */
static inline int towns_enable_mouse(void) {
    mmask_t old = 0;
    mouseinterval(250);
    return mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, &old) != 0;
}
/* Reads the pending mouse event: kind 1 click, 2 double-click, 3 wheel up, 4 wheel down, 0 other. */
static inline int towns_mouse_event(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x; *y = event.y;
    if (event.bstate & BUTTON1_DOUBLE_CLICKED) return 2;
    if (event.bstate & BUTTON1_CLICKED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 3;
    if (event.bstate & BUTTON5_PRESSED) return 4;
    return 0;
}

#endif
