// SWIFT_BACKTRACE before the Swift runtime reads it (issue 17: one process start, not two).
//
// The runtime reads SWIFT_BACKTRACE once, in a constructor of its own, as the program loads.
// A function in the executable's .preinit_array runs before any constructor, the shared
// libraries' included (the C library is ready by then: getenv, setenv and malloc work), so
// setting the variable here makes the crash reporter non-interactive and writing to standard
// error from the first start, without the second start `CrashReports.ensureNonInteractive`
// otherwise makes (the 25 MiB program loaded and linked twice).

#include <stdlib.h>
#include <string.h>

#include "CTownsStart.h"

static int settings_set = 0;

/// Whether `part` (of `length` bytes), blanks before it skipped, sets `key` ("name=").
static int sets(const char *part, size_t length, const char *key) {
    while (length > 0 && (*part == ' ' || *part == '\t')) { part++; length--; }
    size_t n = strlen(key);
    return length >= n && strncmp(part, key, n) == 0;
}

/// SWIFT_BACKTRACE's parts but `interactive=` and `output-to=`, then `interactive=no,output-to=stderr`:
/// what `CrashReports.settings(adjusting:)` gives (the same settings, in the same order).
static void set_crash_settings(int argc, char **argv, char **envp) {
    (void)argc; (void)argv; (void)envp;
    static const char required[] = "interactive=no,output-to=stderr";
    char buffer[2048];
    size_t used = 0;
    const char *value = getenv("SWIFT_BACKTRACE");
    for (const char *p = value; p && *p;) {
        const char *end = strchr(p, ',');
        if (!end) end = p + strlen(p);
        size_t length = (size_t)(end - p);
        if (length > 0 && !sets(p, length, "interactive=") && !sets(p, length, "output-to=")) {
            if (used + length + 1 + sizeof required > sizeof buffer) return;  // left to the second start
            memcpy(buffer + used, p, length);
            used += length;
            buffer[used++] = ',';
        }
        p = *end ? end + 1 : end;
    }
    memcpy(buffer + used, required, sizeof required);
    if (setenv("SWIFT_BACKTRACE", buffer, 1) == 0) settings_set = 1;
}

__attribute__((section(".preinit_array"), used))
static void (*const towns_preinit)(int, char **, char **) = set_crash_settings;

int towns_crash_settings_set_at_load(void) { return settings_set; }
