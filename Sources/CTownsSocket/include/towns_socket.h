// Two Linux socket calls that Glibc's Swift module hides behind _GNU_SOURCE: accept4 (so an
// accepted socket is close-on-exec and non-blocking from the start) and SO_PEERCRED's ucred.
#ifndef TOWNS_SOCKET_H
#define TOWNS_SOCKET_H

#include <sys/types.h>

/// accept4(fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK): the new descriptor, or -1 and errno.
int towns_accept(int fd);

/// The credentials of the peer of the Unix-domain socket fd (getsockopt SO_PEERCRED):
/// 0, or -1 and errno.
int towns_peer_credentials(int fd, pid_t *pid, uid_t *uid, gid_t *gid);

#endif
