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
    /// `maximumBytes`. `expected` names what the file should be in messages (a TOML file, a
    /// CSV file). Throws a `LoadIssue` whose kind says what went wrong.
    public static func read(path: String, displayPath: String, maximumBytes: Int,
        expected: LoadMessage.FileRole = .toml) throws -> [UInt8] {
        // O_NONBLOCK: opening a FIFO does not wait for a writer (it is refused below).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw openFailure(errno: errno, path: path, displayPath: displayPath, expected: expected) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw LoadIssue(.error, .unreadable, file: displayPath, .cannotBeRead(reason: describe(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            throw LoadIssue(.error, .notAFile, file: displayPath, .isADirectory(expected))
        default:
            throw LoadIssue(.error, .notAFile, file: displayPath, .notARegularFile(expected))
        }
        if info.st_size > maximumBytes {
            throw LoadIssue(.error, .tooLarge, file: displayPath,
                            .fileTooLarge(bytes: Int(info.st_size), limit: maximumBytes, role: expected))
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
                    throw LoadIssue(.error, .notAFile, file: displayPath, .isADirectory(expected))
                }
                throw LoadIssue(.error, .unreadable, file: displayPath, .cannotBeRead(reason: describe(code)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        if bytes.count > maximumBytes {
            throw LoadIssue(.error, .tooLarge, file: displayPath, .fileGrew(limit: maximumBytes, role: expected))
        }
        return bytes
    }

    /// What `open` failing with `errno` means for the data file at `path`.
    static func openFailure(errno code: Int32, path: String, displayPath: String,
                            expected: LoadMessage.FileRole) -> LoadIssue {
        switch code {
        case ENOENT:
            if let target = symbolicLinkTarget(path) {
                return LoadIssue(.error, .notFound, file: displayPath, .linkToNothing(target: target))
            }
            return LoadIssue(.error, .notFound, file: displayPath, .fileNotFound)
        case ENOTDIR:
            return LoadIssue(.error, .notFound, file: displayPath, .fileNotFoundFolderIsFile)
        case ELOOP:
            return LoadIssue(.error, .symlinkLoop, file: displayPath,
                             .symlinkLoop(link: symbolicLinkTarget(path).map { "'\(displayPath)' -> '\($0)'" }))
        case EACCES, EPERM:
            return LoadIssue(.error, .unreadable, file: displayPath, .permissionDenied)
        case EISDIR:
            return LoadIssue(.error, .notAFile, file: displayPath, .isADirectory(expected))
        default:
            return LoadIssue(.error, .unreadable, file: displayPath, .cannotBeRead(reason: describe(code)))
        }
    }

    /// The problem with the folder at `path` (the dataset folder, `monthly/`), or nil when it
    /// is a folder that can be listed.
    static func folderProblem(_ path: String, what: LoadMessage.Folder) -> LoadIssue? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR:
                if let target = symbolicLinkTarget(path) {
                    return LoadIssue(.error, .notFound, file: path, .folderLinkToNothing(what, target: target))
                }
                return LoadIssue(.error, .notFound, file: path, .folderNotFound(what))
            case ELOOP:
                return LoadIssue(.error, .symlinkLoop, file: path, .folderLoop(what))
            case EACCES, EPERM:
                return LoadIssue(.error, .unreadable, file: path, .folderPermissionDenied(what, listing: false))
            default:
                return LoadIssue(.error, .unreadable, file: path,
                                 .folderUnreadable(what, listing: false, reason: describe(code)))
            }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return LoadIssue(.error, .notAFile, file: path, .fileNotFolder(what))
        }
        guard let dir = opendir(path) else {
            let code = errno
            return LoadIssue(.error, .unreadable, file: path, code == EACCES
                ? .folderPermissionDenied(what, listing: true)
                : .folderUnreadable(what, listing: true, reason: describe(code)))
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
