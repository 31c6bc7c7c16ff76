#define _GNU_SOURCE
#include <pty.h>
#include <termios.h>
#include <unistd.h>
#include "CTownsPty.h"

pid_t towns_pty_spawn(const char *path, char *const argv[], char *const envp[],
                      unsigned short rows, unsigned short columns, int *master_fd) {
    struct winsize size = { .ws_row = rows, .ws_col = columns, .ws_xpixel = 0, .ws_ypixel = 0 };
    int master = -1;
    pid_t pid = forkpty(&master, NULL, NULL, &size);
    if (pid < 0) return -1;
    if (pid == 0) {
        execve(path, argv, envp);
        _exit(127);
    }
    *master_fd = master;
    return pid;
}
