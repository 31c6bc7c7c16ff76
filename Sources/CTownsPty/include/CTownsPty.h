#ifndef CTOWNSPTY_H
#define CTOWNSPTY_H
#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (NULL-terminated) on the slave side of a new
/// pseudo-terminal of `rows` x `columns` cells, as the leader of a new session whose
/// controlling terminal it is (forkpty), for `towns bench`. Between fork and exec the child
/// calls only execve and _exit (async-signal-safe), so it is safe from a threaded program.
/// Returns the child's pid and sets `*master_fd` to the master side (the parent reads the
/// terminal output there and writes keys there); returns -1 with errno set on failure.
pid_t towns_pty_spawn(const char *path, char *const argv[], char *const envp[],
                      unsigned short rows, unsigned short columns, int *master_fd);

#endif
