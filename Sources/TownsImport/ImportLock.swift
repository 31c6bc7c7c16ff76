#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The lock that serialises imports into one dataset folder: an exclusive `flock` on
/// `DIR/.import.lock` (created when missing, never removed; git ignores it). Released by
/// `release()`, on deinit, and by the system when the process ends however it ends.
public final class ImportLock {
    /// Name of the lock file inside the dataset folder.
    public static let fileName = ".import.lock"
    private var fd: Int32

    /// Takes the lock on the dataset folder `directory`, waiting while another import holds
    /// it (`waiting` is called once before the wait).
    /// - Throws: `AtomicFile.WriteError` when the lock file cannot be opened or created
    ///   (read-only folder or file system, no permission): nothing was changed.
    public init(directory: String, waiting: () -> Void = {}) throws {
        let path = (directory as NSString).appendingPathComponent(ImportLock.fileName)
        // Read-only is enough for flock, so a lock file another user created serves too.
        fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw AtomicFile.failure(path) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(fd, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let error = AtomicFile.failure(path)
                close(fd)
                throw error
            }
        }
    }

    /// Releases the lock (the file stays).
    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
