#ifndef CTOWNSSTART_H
#define CTOWNSSTART_H

/// 1 when this program's pre-initializer put `interactive=no` and `output-to=stderr` into
/// SWIFT_BACKTRACE (keeping the user's other settings) before the Swift runtime read it, as it
/// loads; 0 when it could not (a value too long), and then `CrashReports.ensureNonInteractive`
/// executes the program again with them.
int towns_crash_settings_set_at_load(void);

#endif
