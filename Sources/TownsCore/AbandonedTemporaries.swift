#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The temporary files of writes that were killed before their rename, and their removal.
///
/// A file written atomically goes first to a sibling made by `mkstemp` (the name, a dot, six
/// characters) and is then renamed into place. A write killed in between (SIGKILL, a power cut)
/// leaves the sibling behind: a snapshot's `<hash>.snapshot.XXXXXX` in the cache folder, an
/// import's `.YYYY-MM.toml.XXXXXX` in the dataset folder. Each writer holds an exclusive
/// `flock` on its temporary from just after making it until it renames or removes it; the
/// kernel drops that lock when the writer ends, however it ends. So a sibling that nobody
/// holds, and that has not changed for `settle` seconds (the moment between `mkstemp` and the
/// lock), is one a dead writer left, and the next write of the same file removes it.
public enum AbandonedTemporaries {
    /// Seconds a temporary must have been left unchanged before it may be removed: `mkstemp`
    /// makes the file a moment before its writer locks it.
    public static let settle: Double = 10

    /// Locks the temporary file `fd` (just made by `mkstemp`) for as long as it stays open, so no
    /// other write takes it for abandoned. Returns false when the file system has no `flock`.
    @discardableResult
    public static func hold(_ fd: Int32) -> Bool { flock(fd, LOCK_EX) == 0 }

    /// Removes from `folder` the files named `prefix` + six characters (as `mkstemp` makes
    /// them from `prefix + "XXXXXX"`) that are regular files, unchanged for `settle` seconds
    /// and locked by nobody; `keeping` (the caller's own temporary) is left alone. Returns the
    /// paths removed. Never throws: a folder that cannot be read is left as it is.
    @discardableResult
    public static func remove(in folder: String, prefix: String, keeping: String? = nil) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let now = Date().timeIntervalSince1970
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) && name.utf8.count == prefix.utf8.count + 6 {
            let path = (folder as NSString).appendingPathComponent(name)
            guard path != keeping else { continue }
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  now - Double(info.st_mtim.tv_sec) >= settle,
                  flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }
}
