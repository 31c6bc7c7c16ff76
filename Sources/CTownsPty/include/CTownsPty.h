#ifndef CTOWNSPTY_H
#define CTOWNSPTY_H
#include <sys/types.h>

/// Starts `path` with `argv` and `envp` (NULL-terminated) on the slave side of a new
/// pseudo-terminal of `rows` x `columns` cells, as the leader of a new session whose
/// controlling terminal it is, for `towns bench`. It is spawned (posix_spawn, which does not
/// copy this process's page tables as fork does: from the bench's ~210 MiB heap a fork cost
/// ~10 ms of every start it timed, wave 39), with no signal blocked and every signal's action
/// the default. Returns the child's pid and sets `*master_fd` to the master side (the parent
/// reads the terminal output there and writes keys there); returns -1 with errno set on failure.
pid_t towns_pty_spawn(const char *path, char *const argv[], char *const envp[],
                      unsigned short rows, unsigned short columns, int *master_fd);

#endif
