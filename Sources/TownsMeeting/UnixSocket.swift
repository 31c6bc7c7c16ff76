import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few system calls on Unix-domain stream sockets the meeting layer makes, each failing
/// with ``MeetingError/system(_:errno:)``. Descriptors are close-on-exec and non-blocking.
enum UnixSocket {
    /// The longest path a `sockaddr_un` holds (its `sun_path` less the final NUL).
    static let maxPathBytes = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// A new non-blocking, close-on-exec stream socket.
    static func make() throws -> Int32 {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let fd = socket(AF_UNIX, type, 0)
        guard fd >= 0 else { throw MeetingError.system("socket", errno: errno) }
        return fd
    }

    /// Calls `body` with the address of `path`.
    /// - Throws: ``MeetingError/pathTooLong(_:)``.
    static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) throws -> T {
        let bytes = Array(path.utf8)
        guard bytes.count <= maxPathBytes else { throw MeetingError.pathTooLong(path) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// Binds `fd` to `path` and listens.
    static func listen(_ fd: Int32, at path: String, backlog: Int32 = 128) throws {
        let bound = try withAddress(path) { bind(fd, $0, $1) }
        guard bound == 0 else { throw MeetingError.system("bind \(path)", errno: errno) }
        guard Glibc.listen(fd, backlog) == 0 else { throw MeetingError.system("listen \(path)", errno: errno) }
    }

    /// Connects the non-blocking `fd` to `path`; waits up to `timeout` seconds for a busy
    /// listener (a full backlog answers EAGAIN at once on Linux). Returns 0 or the errno.
    static func connect(_ fd: Int32, to path: String, timeout: Double = 2) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let result = try withAddress(path) { Glibc.connect(fd, $0, $1) }
            if result == 0 { return 0 }
            let code = errno
            guard code == EAGAIN || code == EINTR, Date() < deadline else { return code }
            usleep(2000)
        }
    }

    /// What answers at `path`: a live listener, a stale socket file (ECONNREFUSED: its process
    /// is gone), nothing, or something else (the errno, e.g. EACCES).
    enum Probe: Equatable {
        case live, stale, missing, failed(Int32)
    }

    /// Connects to `path` and hangs up at once (a presenter sees a peer that sends nothing).
    static func probe(_ path: String) throws -> Probe {
        let fd = try make()
        defer { close(fd) }
        switch try connect(fd, to: path, timeout: 0.5) {
        case 0: return .live
        case ECONNREFUSED: return .stale
        case ENOENT: return .missing
        case let code: return .failed(code)
        }
    }

    /// Sets the send buffer of `fd` (bytes; the kernel doubles it and may cap it).
    static func setSendBuffer(_ fd: Int32, bytes: Int32) {
        var size = bytes
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }
}
