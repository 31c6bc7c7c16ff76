#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reading a data file with the system calls, so that every way it can fail has a class of
/// its own (`LoadIssue.Kind`) and a message saying which: not found (or a symbolic link to
/// nothing), a loop of symbolic links, permission denied, a directory or another non-regular
/// file (a FIFO, a device such as /dev/zero), or too large. (Foundation's `fileExists` and
/// `contents(atPath:)` called a loop "file not found" and a FIFO, a device or an unreadable
/// file alike "cannot be read (permission?)".)
///
/// The size is checked on the open file (`fstat`) before anything is read, so a 200 MB file
/// costs a `stat`, not a read; the read stops at `maximumBytes + 1` in case the file grows
/// meanwhile.
public enum DataFile {
    /// The bytes of the file at `path` (named `displayPath` in messages), at most
    /// `maximumBytes`. `expected` names what the file should be in messages ("a TOML file",
    /// "a CSV file"). Throws a `LoadIssue` whose kind says what went wrong.
    public static func read(path: String, displayPath: String, maximumBytes: Int,
        expected: String = "a TOML file") throws -> [UInt8] {
        // O_NONBLOCK: opening a FIFO does not wait for a writer (it is refused below).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw openFailure(errno: errno, path: path, displayPath: displayPath, expected: expected) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw LoadIssue(.error, .unreadable, file: displayPath, problem: "cannot be read: \(describe(errno))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            throw LoadIssue(.error, .notAFile, file: displayPath, problem: "is a directory, expected \(expected)")
        default:
            throw LoadIssue(.error, .notAFile, file: displayPath,
                            problem: "is not a regular file (a device, FIFO or socket), expected \(expected)")
        }
        if info.st_size > maximumBytes {
            throw LoadIssue(.error, .tooLarge, file: displayPath,
                            problem: "file is \(info.st_size) bytes, more than the \(maximumBytes) allowed for " +
                                "\(expected) (not read)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        let chunk = 64 << 10
        var buffer = [UInt8](repeating: 0, count: chunk)
        while bytes.count <= maximumBytes {
            #if canImport(Glibc)
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, chunk) }
            #else
            let n = buffer.withUnsafeMutableBytes { Darwin.read(fd, $0.baseAddress, chunk) }
            #endif
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EISDIR {
                    throw LoadIssue(.error, .notAFile, file: displayPath,
                        problem: "is a directory, expected \(expected)")
                }
                throw LoadIssue(.error, .unreadable, file: displayPath, problem: "cannot be read: \(describe(code))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        if bytes.count > maximumBytes {
            throw LoadIssue(.error, .tooLarge, file: displayPath,
                            problem: "file grew past the \(maximumBytes) bytes allowed for \(expected) "
                                + "while it was read")
        }
        return bytes
    }

    /// What `open` failing with `errno` means for the data file at `path`.
    static func openFailure(errno code: Int32, path: String, displayPath: String, expected: String) -> LoadIssue {
        switch code {
        case ENOENT:
            if let target = symbolicLinkTarget(path) {
                return LoadIssue(.error, .notFound, file: displayPath,
                                 problem: "is a symbolic link to '\(target)', which does not exist")
            }
            return LoadIssue(.error, .notFound, file: displayPath, problem: "file not found")
        case ENOTDIR:
            return LoadIssue(.error, .notFound, file: displayPath,
                problem: "file not found (a folder on its path is a file)")
        case ELOOP:
            return LoadIssue(.error, .symlinkLoop, file: displayPath,
                             problem: "symlink loop: the symbolic links on this path point at each other and never " +
                                 "reach a file"
                                + (symbolicLinkTarget(path).map { " ('\(displayPath)' -> '\($0)')" } ?? ""))
        case EACCES, EPERM:
            return LoadIssue(.error, .unreadable, file: displayPath,
                             problem: "cannot be read: permission denied (the file or a folder above it is not " +
                                 "readable by this user)")
        case EISDIR:
            return LoadIssue(.error, .notAFile, file: displayPath, problem: "is a directory, expected \(expected)")
        default:
            return LoadIssue(.error, .unreadable, file: displayPath, problem: "cannot be read: \(describe(code))")
        }
    }

    /// The problem with the folder at `path` (the dataset folder, `monthly/`), or nil when it
    /// is a folder that can be listed.
    static func folderProblem(_ path: String, what: String) -> LoadIssue? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR:
                if let target = symbolicLinkTarget(path) {
                    return LoadIssue(.error, .notFound, file: path,
                        problem: "\(what) is a symbolic link to '\(target)', which does not exist")
                }
                return LoadIssue(.error, .notFound, file: path, problem: "\(what) not found")
            case ELOOP:
                return LoadIssue(.error, .symlinkLoop, file: path,
                                 problem: "symlink loop: \(what) is a symbolic link that never reaches a folder")
            case EACCES, EPERM:
                return LoadIssue(.error, .unreadable, file: path, problem: "\(what) cannot be read: permission denied")
            default:
                return LoadIssue(.error, .unreadable, file: path, problem: "\(what) cannot be read: \(describe(code))")
            }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return LoadIssue(.error, .notAFile, file: path, problem: "is a file; expected \(what)")
        }
        guard let dir = opendir(path) else {
            let code = errno
            return LoadIssue(.error, .unreadable, file: path,
                             problem: "\(what) cannot be listed: " +
                                 "\(code == EACCES ? "permission denied" : describe(code))")
        }
        closedir(dir)
        return nil
    }

    /// True when something (a file, a folder, a symbolic link even to nothing) is at `path`.
    public static func entryExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Where the symbolic link at `path` points, or nil when `path` is not a symbolic link.
    static func symbolicLinkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
